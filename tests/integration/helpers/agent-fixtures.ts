import type { Prisma, RequestCategory, RequestStatus, Segment } from "@prisma/client";
import { TRPCError } from "@trpc/server";
import { testDb } from "./db";

/** The tRPC error code a call ends with, or "OK". */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

export async function customerIdOf(phone: string): Promise<string> {
  const user = await testDb().user.findUniqueOrThrow({ where: { phone } });
  if (!user.customerId) throw new Error(`${phone} has no customer`);
  return user.customerId;
}

export async function userIdOf(identifier: string): Promise<string> {
  const user = await testDb().user.findFirstOrThrow({
    where: identifier.includes("@") ? { email: identifier } : { phone: identifier },
  });
  return user.id;
}

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
      idempotencyKey: `agent-test-${process.pid}-${sequence}-${Date.now()}`,
      escalatedAt: new Date(),
      assignedToId: options.assignedToId ?? null,
      ...options.extra,
    },
  });
}
