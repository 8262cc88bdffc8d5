import type { Prisma, RequestStatus } from "@prisma/client";
import type { Transaction } from "../../db/client";
import { AppError } from "../errors";

export const REQUEST_STATUSES = [
  "NEW",
  "SELF_SERVICE",
  "QUEUED",
  "ASSIGNED",
  "IN_PROGRESS",
  "WAITING_CUSTOMER",
  "RESOLVED",
  "CLOSED",
  "REOPENED",
] as const satisfies readonly RequestStatus[];

/** A resolved request can be reopened for this long after its resolution. */
export const REOPEN_WINDOW_DAYS = 7;
const REOPEN_WINDOW_MS = REOPEN_WINDOW_DAYS * 24 * 60 * 60 * 1000;

/** Statuses in which the request is still someone's work. */
export const OPEN_STATUSES: readonly RequestStatus[] = [
  "NEW",
  "SELF_SERVICE",
  "QUEUED",
  "ASSIGNED",
  "IN_PROGRESS",
  "WAITING_CUSTOMER",
  "REOPENED",
];
/** Statuses in which a person owes the customer a response (the SLA clock runs). */
export const AWAITING_PERSON_STATUSES: readonly RequestStatus[] = ["QUEUED", "ASSIGNED", "IN_PROGRESS", "REOPENED"];

const TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  NEW: ["SELF_SERVICE", "QUEUED", "ASSIGNED"],
  // Self-service: solved by an article (deflected), or the customer asks for a person.
  SELF_SERVICE: ["RESOLVED", "QUEUED", "ASSIGNED", "CLOSED"],
  QUEUED: ["ASSIGNED", "IN_PROGRESS", "WAITING_CUSTOMER", "RESOLVED"],
  ASSIGNED: ["QUEUED", "IN_PROGRESS", "WAITING_CUSTOMER", "RESOLVED"],
  IN_PROGRESS: ["QUEUED", "ASSIGNED", "WAITING_CUSTOMER", "RESOLVED"],
  WAITING_CUSTOMER: ["IN_PROGRESS", "ASSIGNED", "QUEUED", "RESOLVED", "CLOSED"],
  RESOLVED: ["CLOSED", "REOPENED"],
  CLOSED: [],
  REOPENED: ["QUEUED", "ASSIGNED", "IN_PROGRESS", "WAITING_CUSTOMER", "RESOLVED"],
};

export type TransitionContext = {
  /** When the request was resolved; needed to reopen it. */
  resolvedAt?: Date | null;
  now?: Date;
};

export function allowedTransitions(from: RequestStatus): readonly RequestStatus[] {
  return TRANSITIONS[from];
}

/** Why a transition is not allowed, or null when it is. */
export function transitionError(
  from: RequestStatus,
  to: RequestStatus,
  context: TransitionContext = {},
): string | null {
  if (!TRANSITIONS[from].includes(to)) return `A request cannot go from ${from} to ${to}`;
  if (to === "REOPENED") {
    const now = context.now ?? new Date();
    if (!context.resolvedAt) return "Only a resolved request can be reopened";
    if (now.getTime() - context.resolvedAt.getTime() > REOPEN_WINDOW_MS) {
      return `A request can be reopened only within ${REOPEN_WINDOW_DAYS} days of its resolution`;
    }
  }
  return null;
}

export function canTransition(from: RequestStatus, to: RequestStatus, context: TransitionContext = {}): boolean {
  return transitionError(from, to, context) === null;
}

/** Throws CONFLICT (the request is not in a state that allows it) when the transition is not allowed. */
export function assertTransition(from: RequestStatus, to: RequestStatus, context: TransitionContext = {}): void {
  const error = transitionError(from, to, context);
  if (error) throw new AppError("CONFLICT", error);
}

type Writer = Transaction;

/** Timestamps that a status sets the first time (or every time) it is entered. */
function timestampsFor(to: RequestStatus, now: Date): Prisma.ServiceRequestUpdateManyMutationInput {
  switch (to) {
    case "RESOLVED":
      return { resolvedAt: now };
    case "CLOSED":
      return { closedAt: now };
    case "REOPENED":
      return { reopenedAt: now, resolvedAt: null, closedAt: null };
    default:
      return {};
  }
}

/**
 * Moves a request to a new status and records a RequestEvent, in the caller's transaction.
 * The update is conditional on the status the caller read, so two concurrent changes cannot
 * both win: the loser gets CONFLICT. `data` carries extra fields to set (assignedToId, ...).
 */
export async function changeRequestStatus(
  tx: Writer,
  change: {
    requestId: string;
    from: RequestStatus;
    to: RequestStatus;
    actorId: string | null;
    note?: string | null;
    resolvedAt?: Date | null;
    now?: Date;
    data?: Prisma.ServiceRequestUncheckedUpdateManyInput;
  },
) {
  const now = change.now ?? new Date();
  assertTransition(change.from, change.to, { resolvedAt: change.resolvedAt, now });
  const updated = await tx.serviceRequest.updateMany({
    where: { id: change.requestId, status: change.from },
    data: { ...timestampsFor(change.to, now), ...change.data, status: change.to },
  });
  if (updated.count === 0) throw new AppError("CONFLICT", "The request was changed by someone else; reload it");
  await tx.requestEvent.create({
    data: {
      requestId: change.requestId,
      status: change.to,
      actorId: change.actorId,
      note: change.note ?? null,
      at: now,
    },
  });
  return tx.serviceRequest.findUniqueOrThrow({ where: { id: change.requestId } });
}
