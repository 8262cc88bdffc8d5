import "server-only";
import type { Database, Transaction } from "../../db/client";
import { hashPassword } from "../identity/password";
import { writeAudit } from "../audit/write-audit.service";
import { AppError, isUniqueViolation } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { activationExpiry, deriveActivationCode } from "./activation-code";
import { getActivationKey } from "./activation-key.service";
import type { ReissueActivationCodeInput } from "./partner.schema";
import type { Dealer } from "./registration.service";

const REISSUE_ACTION = "partner.reissueActivationCode";
const ALREADY_ACTIVATED = "The subscriber has already activated the account";

export type ReissueResult = {
  orderId: string;
  activationCode: string;
  activationExpiresAt: Date;
  /** True when this answers an earlier request with the same idempotency key. */
  replayed: boolean;
};

/**
 * The answer to an earlier reissue with this key, rebuilt from its audit entry: the code is derived
 * from the login and the expiry, so the same key always answers the same code (even if a later
 * reissue has since replaced it).
 */
async function replayOf(
  db: Database,
  dealer: Dealer,
  input: ReissueActivationCodeInput,
): Promise<ReissueResult | null> {
  const entry = await db.auditLog.findUnique({
    where: { actorId_idempotencyKey: { actorId: dealer.userId, idempotencyKey: input.idempotencyKey } },
    select: { action: true, entityId: true, after: true },
  });
  if (!entry) return null;
  const after = (entry.after ?? {}) as { orderId?: string; activationExpiresAt?: string };
  if (entry.action !== REISSUE_ACTION || after.orderId !== input.orderId || !after.activationExpiresAt) {
    throw new AppError("CONFLICT", "This idempotency key was used for another change");
  }
  const activationExpiresAt = new Date(after.activationExpiresAt);
  const activationCode = deriveActivationCode(await getActivationKey(db), entry.entityId, activationExpiresAt);
  return { orderId: input.orderId, activationCode, activationExpiresAt, replayed: true };
}

/**
 * A new activation code for a subscriber the dealer registered who has not activated yet (the
 * slip was lost, or the code expired). The earlier code stops working. The audit entry carries
 * the idempotency key (unique per dealer user), so a retry answers the same code and racing
 * duplicates make one change.
 */
export async function reissueActivationCode(
  db: Database,
  dealer: Dealer,
  input: ReissueActivationCodeInput,
  now = new Date(),
): Promise<ReissueResult> {
  const replay = await replayOf(db, dealer, input);
  if (replay) return replay;

  const order = await db.order.findFirst({
    where: { id: input.orderId, partnerId: dealer.partnerId },
    select: {
      customer: {
        select: { id: true, login: { select: { id: true, passwordHash: true, activationExpiresAt: true } } },
      },
    },
  });
  const customer = order?.customer;
  const login = customer?.login;
  if (!customer || !login) throw new AppError("NOT_FOUND", "Order not found");
  if (login.passwordHash) throw new AppError("CONFLICT", ALREADY_ACTIVATED);
  const activationExpiresAt = activationExpiry(now);
  const activationCode = deriveActivationCode(await getActivationKey(db), login.id, activationExpiresAt);
  const activationCodeHash = await hashPassword(activationCode);
  try {
    await db.$transaction(async (tx: Transaction) => {
      // The keyed audit entry first: a racing duplicate waits on its unique index, then fails
      // before it touches the code.
      await writeAudit(
        tx,
        { id: dealer.userId, role: dealer.role, ip: dealer.ip },
        {
          action: REISSUE_ACTION,
          entityType: "User",
          entityId: login.id,
          // The earlier code's expiry: that code stops working.
          before: { orderId: input.orderId, activationExpiresAt: login.activationExpiresAt?.toISOString() ?? null },
          after: { orderId: input.orderId, activationExpiresAt: activationExpiresAt.toISOString() },
          idempotencyKey: input.idempotencyKey,
        },
      );
      const { count } = await tx.user.updateMany({
        where: { id: login.id, passwordHash: null },
        data: { activationCodeHash, activationExpiresAt },
      });
      if (count !== 1) throw new AppError("CONFLICT", ALREADY_ACTIVATED);
      await recordInteraction(tx, {
        customerId: customer.id,
        channel: "PARTNER",
        type: "ACTIVATION_CODE_REISSUED",
        actorId: dealer.userId,
        data: { orderId: input.orderId },
        at: now,
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await replayOf(db, dealer, input);
    if (winner) return winner;
    throw error;
  }
  return { orderId: input.orderId, activationCode, activationExpiresAt, replayed: false };
}
