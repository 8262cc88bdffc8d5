import type { Prisma, RequestCategory, RequestStatus, Segment } from "@prisma/client";
import { newIdempotencyKey } from "../../../app/_lib/idempotency-key";
import { testDb } from "./db";

let sequence = 0;

/**
 * An escalated request waiting in the agent queue, as routing would leave it. Tests create their
 * own so they do not depend on which of the seed's requests happen to be open.
 */
export async function createEscalation(options: {
  customerId: string;
  category?: RequestCategory;
  priority?: number;
  slaDueAt?: Date | null;
  status?: RequestStatus;
  assignedToId?: string | null;
  subject?: string;
  extra?: Partial<Prisma.ServiceRequestUncheckedCreateInput>;
}) {
  const db = testDb();
  const customer = await db.customer.findUniqueOrThrow({ where: { id: options.customerId }, include: { login: true } });
  const creatorId = customer.login?.id ?? (await db.user.findFirstOrThrow({ where: { role: "ADMIN" } })).id;
  sequence += 1;
  return db.serviceRequest.create({
    data: {
      customerId: customer.id,
      category: options.category ?? "COMPLAINT",
      subject: options.subject ?? `Test escalation ${sequence}`,
      description: "The connection drops every evening; please call me back.",
      status: options.status ?? "QUEUED",
      channel: "WEB",
      decision: "AGENT_QUEUE",
      priority: options.priority ?? 2,
      slaDueAt: options.slaDueAt === undefined ? new Date(Date.now() + 60 * 60_000) : options.slaDueAt,
      routingReasons: ["Always escalated: complaint"],
      segmentAtCreation: customer.segment as Segment,
      createdById: creatorId,
      idempotencyKey: newIdempotencyKey("escalation"),
      escalatedAt: new Date(),
      assignedToId: options.assignedToId ?? null,
      ...options.extra,
    },
  });
}
