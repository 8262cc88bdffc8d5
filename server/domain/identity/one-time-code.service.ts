import "server-only";
import type { Channel } from "@prisma/client";
import type { Database } from "../../db/client";
import { translatorFor } from "../../i18n/translator";
import { recordInteraction } from "../interaction/record-interaction.service";
import { getActivationKey } from "../partner/activation-key.service";
import { queueSms } from "../sms/sms.service";
import { normalizePhone } from "./identifier";
import {
  CODE_TTL_MS,
  codeState,
  decideCodeSend,
  generateCode,
  hashCode,
  isSameHash,
  MAX_CODE_ATTEMPTS,
  normalizeCode,
  recentSends,
  type CodePurpose,
} from "./one-time-code";

/**
 * Counts a send to `phone` from `ip` if the limits allow it. The two log rows are locked (in key
 * order, so two requests never wait on each other crosswise) for the decision and the update, so
 * concurrent requests on any number of app instances are counted one after the other.
 */
async function claimSend(db: Database, phone: string, ip: string, now: Date) {
  const numberKey = `phone:${phone}`;
  const addressKey = `ip:${ip}`;
  return db.$transaction(async (tx) => {
    await tx.codeSendLog.createMany({
      data: [numberKey, addressKey].map((key) => ({ key, sentAt: [], updatedAt: now })),
      skipDuplicates: true,
    });
    await tx.$kysely
      .selectFrom("CodeSendLog")
      .select("key")
      .where("key", "in", [numberKey, addressKey])
      .orderBy("key")
      .forUpdate()
      .execute();
    const rows = await tx.codeSendLog.findMany({ where: { key: { in: [numberKey, addressKey] } } });
    const timesOf = (key: string) => rows.find((row) => row.key === key)?.sentAt ?? [];
    const decision = decideCodeSend({ toNumber: timesOf(numberKey), fromAddress: timesOf(addressKey) }, now);
    if (decision.isAllowed) {
      for (const key of [numberKey, addressKey]) {
        await tx.codeSendLog.update({
          where: { key },
          data: { sentAt: { set: [...recentSends(timesOf(key), now), now] }, updatedAt: now },
        });
      }
    }
    return decision;
  });
}

/**
 * `auth.requestCode`: sends a 6-digit code to a subscriber's phone. The answer is the same for
 * every number, a subscriber's or not, a staff member's or not (staff never get codes): only
 * when to ask again. The limits (resend after 60 s, 5 codes per number and 20 per address an
 * hour) are counted for every number asked for, so they cannot tell numbers apart either.
 */
export async function requestCode(
  db: Database,
  input: { phone: string; purpose: CodePurpose; ip: string; locale: string; channel: Channel },
  now = new Date(),
): Promise<{ retryAfterSeconds: number }> {
  const phone = normalizePhone(input.phone);
  if (!phone) return { retryAfterSeconds: 60 };
  const decision = await claimSend(db, phone, input.ip, now);
  if (!decision.isAllowed) return { retryAfterSeconds: decision.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { phone },
    select: { id: true, role: true, customerId: true, lockedAt: true },
  });
  if (!user || user.role !== "SUBSCRIBER" || !user.customerId || user.lockedAt) {
    return { retryAfterSeconds: decision.retryAfterSeconds };
  }

  const code = generateCode();
  const codeHash = hashCode(await getActivationKey(db), { userId: user.id, purpose: input.purpose }, code);
  await db.$transaction(async (tx) => {
    // A new code replaces the earlier ones of the same purpose.
    await tx.oneTimeCode.updateMany({
      where: { userId: user.id, purpose: input.purpose, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await tx.oneTimeCode.create({
      data: {
        userId: user.id,
        purpose: input.purpose,
        codeHash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      },
    });
    await recordInteraction(tx, {
      customerId: user.customerId!,
      channel: input.channel,
      type: "ONE_TIME_CODE_SENT",
      actorId: user.id,
      data: { purpose: input.purpose },
      at: now,
    });
  });
  const t = translatorFor(input.locale, "sms");
  await queueSms(db, {
    to: phone,
    text:
      input.purpose === "SIGN_IN"
        ? t("signInCode", { code })
        : input.purpose === "UNBLOCK_LINE"
          ? t("unblockCode", { code })
          : t("resetCode", { code }),
    isSecret: true,
  });
  return { retryAfterSeconds: decision.retryAfterSeconds };
}

export type CodeCheck = "OK" | "INVALID";

/**
 * Uses up a user's code: the latest one of the given purposes, if it is still live. Every try
 * counts (an atomic increment that stops at the limit), so concurrent guesses on several
 * instances cannot exceed it, and a right code is marked used once: a second use finds it gone.
 */
export async function consumeCode(
  db: Database,
  input: { userId: string; purposes: readonly CodePurpose[]; code: string },
  now = new Date(),
): Promise<CodeCheck> {
  const latest = await db.oneTimeCode.findFirst({
    where: { userId: input.userId, purpose: { in: [...input.purposes] } },
    orderBy: { createdAt: "desc" },
  });
  if (!latest || codeState(latest, now) !== "LIVE") return "INVALID";
  const counted = await db.oneTimeCode.updateMany({
    // PostgreSQL re-checks the condition on the locked row, so concurrent tries stop at the limit.
    where: { id: latest.id, usedAt: null, attempts: { lt: MAX_CODE_ATTEMPTS }, expiresAt: { gt: now } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count !== 1) return "INVALID";
  const expected = hashCode(
    await getActivationKey(db),
    { userId: input.userId, purpose: latest.purpose },
    normalizeCode(input.code),
  );
  if (!isSameHash(expected, latest.codeHash)) return "INVALID";
  const used = await db.oneTimeCode.updateMany({ where: { id: latest.id, usedAt: null }, data: { usedAt: now } });
  return used.count === 1 ? "OK" : "INVALID";
}
