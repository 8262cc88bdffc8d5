import "server-only";
import type { Prisma } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { writeAudit, type AuditActor } from "../audit/write-audit.service";
import { AppError, isUniqueViolation } from "../errors";
import { getCreditPolicy } from "../partner/credit-check.service";
import {
  CREDIT_POLICY_SETTING,
  creditPolicySchema,
  DEFAULT_CREDIT_POLICY,
  type CreditPolicy,
  type UpdateCreditPolicyInput,
} from "../partner/credit-policy.schema";
import { findKeyedEntry } from "./keyed-audit.service";

const UPDATE_ACTION = "creditPolicy.update";

/** Key order differs between stored JSON and a form; compare canonically. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${key}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The credit policy dealers' checks use, who saved it last, and the defaults for "reset". */
export async function getCreditPolicyForEditing(db: Database) {
  const [row, policy, last] = await Promise.all([
    db.setting.findUnique({ where: { key: CREDIT_POLICY_SETTING } }),
    getCreditPolicy(db),
    db.auditLog.findFirst({
      where: { entityType: "Setting", entityId: CREDIT_POLICY_SETTING, action: UPDATE_ACTION },
      orderBy: { at: "desc" },
      select: { at: true, actor: { select: { name: true } } },
    }),
  ]);
  return {
    policy,
    /** False when no policy is saved (or the saved one is broken) and the defaults apply. */
    isSaved: !!row && creditPolicySchema.safeParse(row.value).success,
    updatedAt: row?.updatedAt ?? null,
    updatedBy: last?.actor?.name ?? null,
    defaults: DEFAULT_CREDIT_POLICY,
  };
}

async function savedAnswer(db: Database, actor: AuditActor, idempotencyKey: string) {
  const entry = await db.auditLog.findUniqueOrThrow({
    where: { actorId_idempotencyKey: { actorId: actor.id, idempotencyKey } },
    select: { after: true, at: true },
  });
  const after = entry.after as { policy: CreditPolicy; updatedAt: string };
  return { policy: after.policy, updatedAt: new Date(after.updatedAt), replayed: true };
}

/**
 * Saves the credit policy (the "creditPolicy" setting), audited with the policy before and after.
 * The audit entry carries the idempotency key, so a retry answers the same save; a policy saved
 * by someone else since the editor loaded it is a CONFLICT, never silently overwritten.
 */
export async function updateCreditPolicy(
  db: Database,
  actor: AuditActor,
  input: UpdateCreditPolicyInput,
  now = new Date(),
) {
  if (await findKeyedEntry(db, actor, input.idempotencyKey, UPDATE_ACTION))
    return savedAnswer(db, actor, input.idempotencyKey);

  const row = await db.setting.findUnique({ where: { key: CREDIT_POLICY_SETTING } });
  if ((row?.updatedAt.getTime() ?? null) !== (input.baseUpdatedAt?.getTime() ?? null)) {
    throw new AppError("CONFLICT", "The credit policy was changed meanwhile; reload and apply your changes again");
  }
  const before = await getCreditPolicy(db);
  if (canonical(before) === canonical(input.policy))
    throw new AppError("BAD_REQUEST", "Nothing changed", { policy: "Nothing changed" });

  try {
    await db.$transaction(async (tx: Transaction) => {
      // The keyed entry first: a racing duplicate fails on its unique index before it writes.
      await writeAudit(tx, actor, {
        action: UPDATE_ACTION,
        entityType: "Setting",
        entityId: CREDIT_POLICY_SETTING,
        before: { policy: before, isDefault: !row } as unknown as Prisma.InputJsonValue,
        after: { policy: input.policy, updatedAt: now.toISOString() } as unknown as Prisma.InputJsonValue,
        idempotencyKey: input.idempotencyKey,
      });
      const value = input.policy as unknown as Prisma.InputJsonValue;
      // Only the version the editor saw may be replaced (two supervisors saving at once: one wins).
      if (row) {
        const { count } = await tx.setting.updateMany({
          where: { key: CREDIT_POLICY_SETTING, updatedAt: row.updatedAt },
          data: { value, updatedAt: now },
        });
        if (count !== 1)
          throw new AppError(
            "CONFLICT",
            "The credit policy was changed meanwhile; reload and apply your changes again",
          );
      } else {
        await tx.setting.create({ data: { key: CREDIT_POLICY_SETTING, value, updatedAt: now } });
      }
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (await findKeyedEntry(db, actor, input.idempotencyKey, UPDATE_ACTION))
      return savedAnswer(db, actor, input.idempotencyKey);
    throw new AppError("CONFLICT", "The credit policy was changed meanwhile; reload and apply your changes again");
  }
  return { policy: input.policy, updatedAt: now, replayed: false };
}
