import "server-only";
import type { RequestCategory } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { writeAudit, type AuditActor } from "../audit/write-audit.service";
import { AppError, notFound } from "../errors";
import { changeRequestStatus } from "../request/change-status.service";
import { OPEN_STATUSES } from "../request/request-status";
import { OUTAGE_CATEGORIES } from "../routing/route-contact";
import { OPEN_QUEUE_STATUSES, type ResolutionCode } from "../agent/agent.schema";
import type { IncidentMessage } from "./incident.schema";

type Reader = Pick<Database, "incidentLine" | "line"> | Transaction;

/** The resolution code of a request the incident's repair answered (the one agents use for an outage). */
const INCIDENT_RESOLVED = "OUTAGE_RESOLVED" satisfies ResolutionCode;

/**
 * The active incident that explains a fault on this line (or, without a line, on any of the
 * customer's lines): the newest one, so a request joins the incident its customer is reading.
 * Only no-service and technical-fault contacts are explained by an incident.
 */
export async function findKnownOutage(
  db: Reader,
  contact: { customerId: string; lineId?: string | null; category: RequestCategory },
): Promise<{ id: string } | null> {
  if (!OUTAGE_CATEGORIES.includes(contact.category)) return null;
  const row = await db.incidentLine.findFirst({
    where: {
      customerId: contact.customerId,
      ...(contact.lineId ? { lineId: contact.lineId } : {}),
      incident: { status: "ACTIVE" },
    },
    orderBy: { incident: { startedAt: "desc" } },
    select: { incidentId: true },
  });
  return row ? { id: row.incidentId } : null;
}

export type IncidentRequestCounts = {
  /** Requests attached to the incident. */
  attached: number;
  /** Of them still open (not resolved or closed). */
  open: number;
  /** Of them waiting for or with a person (the agent queue's statuses). */
  inQueue: number;
};

/** The requests attached to each incident, counted in one statement for the lot. */
export async function requestCountsOf(
  db: Pick<Database, "serviceRequest"> | Transaction,
  incidentIds: string[],
): Promise<Map<string, IncidentRequestCounts>> {
  const rows = incidentIds.length
    ? await db.serviceRequest.groupBy({
        by: ["incidentId", "status"],
        where: { incidentId: { in: incidentIds } },
        _count: true,
      })
    : [];
  const counts = new Map(incidentIds.map((id) => [id, { attached: 0, open: 0, inQueue: 0 }]));
  for (const row of rows) {
    const count = counts.get(row.incidentId!);
    if (!count) continue;
    count.attached += row._count;
    if (OPEN_STATUSES.includes(row.status)) count.open += row._count;
    if ((OPEN_QUEUE_STATUSES as readonly string[]).includes(row.status)) count.inQueue += row._count;
  }
  return counts;
}

/**
 * The repair answers every request attached to the incident: a message in the customer's
 * language on each open one, and the ones still waiting in self-service are resolved (deflected:
 * no person was needed). The customer can reopen one that still does not work, which escalates it.
 */
export async function postResolutionToRequests(
  tx: Transaction,
  resolution: { incidentId: string; message: IncidentMessage; now: Date },
) {
  const requests = await tx.serviceRequest.findMany({
    where: { incidentId: resolution.incidentId, status: { in: [...OPEN_STATUSES] } },
    select: { id: true, status: true, customer: { select: { locale: true } } },
  });
  if (!requests.length) return 0;
  await tx.requestMessage.createMany({
    data: requests.map((request) => ({
      requestId: request.id,
      authorKind: "SYSTEM" as const,
      body: request.customer.locale === "en" ? resolution.message.en : resolution.message.ru,
      createdAt: resolution.now,
    })),
  });
  for (const request of requests) {
    if (request.status !== "SELF_SERVICE") continue;
    await changeRequestStatus(tx, {
      requestId: request.id,
      from: "SELF_SERVICE",
      to: "RESOLVED",
      actorId: null,
      note: "Resolved with the network incident",
      now: resolution.now,
      data: { resolutionCode: INCIDENT_RESOLVED, resolutionNote: resolution.message.en, deflected: true },
    });
  }
  return requests.length;
}

/**
 * An agent attaches a request to an incident by hand (`agent.attachToIncident`), audited: the
 * incident must touch one of the request's customer's lines, and the request must still be open.
 * Attaching again is a no-op. The request keeps its place in the queue; the incident's repair
 * then answers it with the others.
 */
export async function attachRequestToIncident(
  db: Database,
  actor: AuditActor,
  input: { requestId: string; incidentId: string },
): Promise<{ requestId: string; incidentId: string }> {
  const request = await db.serviceRequest.findUnique({
    where: { id: input.requestId },
    select: { id: true, customerId: true, incidentId: true, status: true },
  });
  if (!request) throw notFound("Request");
  const touches = await db.incidentLine.findFirst({
    where: { incidentId: input.incidentId, customerId: request.customerId },
    select: { incidentId: true },
  });
  if (!touches) throw notFound("Incident");
  const answer = { requestId: request.id, incidentId: input.incidentId };
  if (request.incidentId === input.incidentId) return answer;
  if (!OPEN_STATUSES.includes(request.status))
    throw new AppError("CONFLICT", "A resolved or closed request is not attached to an incident");
  await db.$transaction(async (tx) => {
    const changed = await tx.serviceRequest.updateMany({
      where: { id: request.id, incidentId: request.incidentId, status: { in: [...OPEN_STATUSES] } },
      data: { incidentId: input.incidentId },
    });
    if (changed.count === 0) throw new AppError("CONFLICT", "The request was changed meanwhile; reload it");
    await writeAudit(tx, actor, {
      action: "request.attachToIncident",
      entityType: "ServiceRequest",
      entityId: request.id,
      before: { incidentId: request.incidentId },
      after: { incidentId: input.incidentId },
    });
  });
  return answer;
}
