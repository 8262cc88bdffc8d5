import "server-only";
import type { Prisma, RequestStatus } from "@prisma/client";
import type { Transaction } from "../../db/client";
import { AppError } from "../errors";
import { assertTransition } from "./request-status";

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
  tx: Transaction,
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
