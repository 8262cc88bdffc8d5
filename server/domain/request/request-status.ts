import type { RequestStatus } from "@prisma/client";
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
