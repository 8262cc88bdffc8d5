import "server-only";
import type { Prisma } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { AppError, notFound } from "../errors";
import type { AgentActor } from "./agent-actor";
import { isSupervisor } from "./agent-actor";

type Reader = Database | Transaction;

const requestState = {
  id: true,
  number: true,
  customerId: true,
  lineId: true,
  category: true,
  subject: true,
  status: true,
  priority: true,
  slaDueAt: true,
  slaBreached: true,
  assignedToId: true,
  claimedAt: true,
  firstResponseAt: true,
  resolvedAt: true,
  resolutionCode: true,
  resolutionNote: true,
  assignedTo: { select: { id: true, name: true } },
} satisfies Prisma.ServiceRequestSelect;

export type RequestState = Prisma.ServiceRequestGetPayload<{ select: typeof requestState }>;

/** Agents work on any customer's request; a missing id is NOT_FOUND. */
export async function getRequestStateOrThrow(db: Reader, requestId: string): Promise<RequestState> {
  const request = await db.serviceRequest.findUnique({ where: { id: requestId }, select: requestState });
  if (!request) throw notFound("Request");
  return request;
}

/** The fields an audit entry keeps of a request, before and after an action. */
export function auditStateOf(
  request: Pick<RequestState, "status" | "assignedToId" | "priority"> & Partial<RequestState>,
) {
  return {
    status: request.status,
    assignedToId: request.assignedToId,
    priority: request.priority,
    firstResponseAt: request.firstResponseAt?.toISOString() ?? null,
    resolvedAt: request.resolvedAt?.toISOString() ?? null,
    resolutionCode: request.resolutionCode ?? null,
  };
}

/**
 * Only the agent holding a request (or a supervisor) acts on it in the customer's sight;
 * a request held by someone else answers CONFLICT with who holds it.
 */
export function assertMayAct(request: RequestState, actor: Pick<AgentActor, "id" | "role">): void {
  if (!request.assignedToId || request.assignedToId === actor.id || isSupervisor(actor)) return;
  throw new AppError(
    "CONFLICT",
    `Request #${request.number} is held by ${request.assignedTo?.name ?? "another agent"}`,
  );
}
