import "server-only";
import type { Prisma, Role } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";

type Writer = Pick<Database, "auditLog"> | Transaction;

export type AuditActor = { id: string; role: Role; ip: string };

/** Every agent and admin mutation: who, when, from where, on what, and the state before and after. */
export async function writeAudit(
  db: Writer,
  actor: AuditActor,
  entry: {
    action: string;
    entityType: string;
    entityId: string;
    before?: Prisma.InputJsonValue | null;
    after?: Prisma.InputJsonValue | null;
    /** The mutation's idempotency key: unique per actor, so a retried mutation is recorded once. */
    idempotencyKey?: string | null;
  },
): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: actor.id,
      actorRole: actor.role,
      ip: actor.ip,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      idempotencyKey: entry.idempotencyKey ?? null,
    },
  });
}
