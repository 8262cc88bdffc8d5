import "server-only";
import type { Database } from "../../db/client";
import { changeRequestStatus } from "./change-status.service";
import { REOPEN_WINDOW_DAYS } from "./request-status";

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

/**
 * Closes what nobody will come back to: resolved requests once the reopen window has passed, and
 * self-service requests the customer left without an answer for as long.
 */
export async function closeFinishedRequests(db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - REOPEN_WINDOW_DAYS * DAY_MS);
  const due = await db.serviceRequest.findMany({
    where: {
      OR: [
        { status: "RESOLVED", resolvedAt: { lt: cutoff } },
        // A request waiting on a network incident stays open until the incident is resolved.
        {
          status: "SELF_SERVICE",
          updatedAt: { lt: cutoff },
          OR: [{ incidentId: null }, { incident: { status: "RESOLVED" } }],
        },
      ],
    },
    select: { id: true, status: true, resolvedAt: true },
    orderBy: { updatedAt: "asc" },
    take: BATCH,
  });
  let closed = 0;
  for (const request of due) {
    await db
      .$transaction((tx) =>
        changeRequestStatus(tx, {
          requestId: request.id,
          from: request.status,
          to: "CLOSED",
          actorId: null,
          note:
            request.status === "RESOLVED"
              ? `Closed automatically ${REOPEN_WINDOW_DAYS} days after resolution`
              : `Closed automatically: no answer in self-service for ${REOPEN_WINDOW_DAYS} days`,
          resolvedAt: request.resolvedAt,
          now,
        }),
      )
      .then(() => closed++)
      .catch((error: unknown) => {
        // Changed meanwhile (reopened, escalated): leave it.
        if (!(error instanceof Error && error.name === "AppError")) throw error;
      });
  }
  return closed;
}
