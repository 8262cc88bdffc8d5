import "server-only";
import type { Prisma } from "@prisma/client";
import type { Database } from "../../db/client";
import { badRequest } from "../errors";
import type { AgentActor } from "./agent-actor";
import { OPEN_QUEUE_STATUSES, type QueueInput } from "./agent.schema";
import { decodeQueueCursor, encodeQueueCursor, rowsAfter } from "./queue-cursor";

const DEFAULT_PAGE = 50;

/**
 * The escalation queue: requests waiting for or with a person, most urgent first (priority,
 * then SLA due time). `mine` narrows it to the requests the agent holds and those of the
 * customers they are personal manager of.
 */
export async function listQueue(db: Database, actor: Pick<AgentActor, "id">, input: QueueInput, now = new Date()) {
  const limit = input.limit ?? DEFAULT_PAGE;
  const after = input.cursor ? decodeQueueCursor(input.cursor) : null;
  if (input.cursor && !after) throw badRequest("cursor", "Unknown cursor");

  const filters: Prisma.ServiceRequestWhereInput[] = [
    { status: input.status ?? { in: [...OPEN_QUEUE_STATUSES] } },
    // Self-service requests reach the queue only once the customer asks for a person.
    { OR: [{ decision: { not: "SELF_SERVICE" } }, { escalatedAt: { not: null } }] },
  ];
  if (input.segment) filters.push({ segmentAtCreation: input.segment });
  if (input.category) filters.push({ category: input.category });
  if (input.incidentId) filters.push({ incidentId: input.incidentId });
  if (input.mine) filters.push({ OR: [{ assignedToId: actor.id }, { customer: { personalManagerId: actor.id } }] });
  if (after) filters.push(rowsAfter(after) as Prisma.ServiceRequestWhereInput);

  const rows = await db.serviceRequest.findMany({
    where: { AND: filters },
    orderBy: [{ priority: "asc" }, { slaDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: limit + 1,
    select: {
      id: true,
      number: true,
      customerId: true,
      category: true,
      subject: true,
      status: true,
      priority: true,
      slaDueAt: true,
      slaBreached: true,
      segmentAtCreation: true,
      decision: true,
      channel: true,
      createdAt: true,
      updatedAt: true,
      firstResponseAt: true,
      incident: { select: { id: true, number: true, status: true } },
      assignedTo: { select: { id: true, name: true } },
      customer: { select: { firstName: true, lastName: true, personalManagerId: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      id: row.id,
      number: row.number,
      customerId: row.customerId,
      customerName: `${row.customer.firstName} ${row.customer.lastName}`,
      category: row.category,
      subject: row.subject,
      status: row.status,
      priority: row.priority,
      slaDueAt: row.slaDueAt,
      slaBreached: row.slaBreached || (row.firstResponseAt === null && row.slaDueAt !== null && row.slaDueAt <= now),
      segment: row.segmentAtCreation,
      decision: row.decision,
      channel: row.channel,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      firstResponseAt: row.firstResponseAt,
      /** The network incident the request is attached to: the queue shows such requests as one group. */
      incident: row.incident,
      assignedTo: row.assignedTo,
      isHeldByMe: row.assignedTo?.id === actor.id,
      isMine: row.assignedTo?.id === actor.id || row.customer.personalManagerId === actor.id,
    })),
    nextCursor: rows.length > limit && last ? encodeQueueCursor(last) : null,
    asOf: now,
  };
}

/** Agents and supervisors a request can be handed to. */
export async function listAgents(db: Database) {
  return db.user.findMany({
    where: { role: { in: ["AGENT", "ADMIN"] }, lockedAt: null },
    select: { id: true, name: true, role: true },
    orderBy: [{ role: "asc" }, { name: "asc" }],
  });
}
