import "server-only";
import type { Database } from "../../db/client";
import type { AuditActor } from "../audit/write-audit.service";
import { AppError } from "../errors";

/**
 * Supervisor mutations are made idempotent through their audit entry: it is written in the same
 * transaction as the change and carries the mutation's key, unique per actor. A retry finds the
 * entry and answers with the entity it recorded; a racing duplicate fails on the unique index and
 * then finds the winner's entry the same way.
 */
export async function findKeyedEntry(
  db: Pick<Database, "auditLog">,
  actor: AuditActor,
  idempotencyKey: string,
  action: string,
): Promise<{ entityId: string } | null> {
  const entry = await db.auditLog.findUnique({
    where: { actorId_idempotencyKey: { actorId: actor.id, idempotencyKey } },
    select: { entityId: true, action: true },
  });
  if (!entry) return null;
  if (entry.action !== action) throw new AppError("CONFLICT", "This idempotency key was used for another change");
  return { entityId: entry.entityId };
}
