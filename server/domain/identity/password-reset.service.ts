import "server-only";
import type { Channel } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { writeAudit } from "../audit/write-audit.service";
import { AppError, badRequest } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { consumeOrThrow } from "../abuse/abuse-limits.service";
import { AUTH_MESSAGES, type ChangePasswordInput, type ResetPasswordInput } from "./auth.schema";
import { assertAcceptablePassword } from "./common-passwords";
import { normalizePhone } from "./identifier";
import { clearThrottle } from "./login-throttle.service";
import { consumeCode } from "./one-time-code.service";
import { hashPassword, verifyPassword } from "./password";

/**
 * Sets a new password and ends sessions: all of them, or all but `keepSessionId` (the caller's).
 * A pending activation code dies with it: the subscriber has a password now.
 */
async function setPassword(
  db: Database,
  input: { userId: string; passwordHash: string; keepSessionId?: string },
  record: (tx: Transaction, sessionsEnded: number) => Promise<void>,
  now: Date,
): Promise<{ sessionsEnded: number }> {
  return db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: input.userId },
      data: { passwordHash: input.passwordHash, activationCodeHash: null, activationExpiresAt: null },
    });
    const ended = await tx.authSession.updateMany({
      where: {
        userId: input.userId,
        revokedAt: null,
        ...(input.keepSessionId ? { id: { not: input.keepSessionId } } : {}),
      },
      data: { revokedAt: now },
    });
    await record(tx, ended.count);
    return { sessionsEnded: ended.count };
  });
}

/**
 * `auth.resetPassword`: a subscriber who forgot the password (or never had one) sets a new one
 * with a RESET_PASSWORD code sent to the phone. Every session of the account ends. Staff never
 * reset by SMS: for them, and for numbers nobody has, the answer is the same wrong-code refusal.
 * A retry after success (the same new password, the code just used) answers the same.
 */
export async function resetPasswordWithCode(
  db: Database,
  input: ResetPasswordInput & { ip: string; channel: Channel },
  now = new Date(),
): Promise<{ phone: string; sessionsEnded: number }> {
  await consumeOrThrow(db, "resetAddress", input.ip);
  const phone = normalizePhone(input.phone);
  if (!phone) throw badRequest("phone", AUTH_MESSAGES.phone);
  assertAcceptablePassword(input.newPassword, "newPassword", [phone]);

  const user = await db.user.findUnique({ where: { phone } });
  const subscriber = user?.role === "SUBSCRIBER" && user.customerId && !user.lockedAt ? user : null;
  const check = subscriber
    ? await consumeCode(db, { userId: subscriber.id, purposes: ["RESET_PASSWORD"], code: input.code }, now)
    : "INVALID";
  if (!subscriber || check !== "OK") {
    if (subscriber && (await isReplayOfReset(db, subscriber, input.newPassword, now))) {
      return { phone, sessionsEnded: 0 };
    }
    throw badRequest("code", AUTH_MESSAGES.wrongCode);
  }
  assertAcceptablePassword(input.newPassword, "newPassword", [phone, subscriber.email ?? ""]);
  const passwordHash = await hashPassword(input.newPassword);
  const result = await setPassword(
    db,
    { userId: subscriber.id, passwordHash },
    (tx, sessionsEnded) =>
      recordInteraction(tx, {
        customerId: subscriber.customerId!,
        channel: input.channel,
        type: "PASSWORD_RESET",
        actorId: subscriber.id,
        data: { by: "SMS_CODE", sessionsEnded },
        at: now,
      }),
    now,
  );
  await clearThrottle(db, phone);
  return { phone, ...result };
}

/** The reset code was used in the last minutes and the password is already the one asked for. */
async function isReplayOfReset(
  db: Database,
  user: { id: string; passwordHash: string | null },
  newPassword: string,
  now: Date,
): Promise<boolean> {
  const latest = await db.oneTimeCode.findFirst({
    where: { userId: user.id, purpose: "RESET_PASSWORD", usedAt: { gt: new Date(now.getTime() - 10 * 60 * 1000) } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return !!latest && !!user.passwordHash && (await verifyPassword(user.passwordHash, newPassword));
}

/**
 * `account.changePassword`: after the current password, or a fresh SIGN_IN or RESET_PASSWORD code
 * sent to the account's phone (a subscriber who never had a password signs in by code, asks for
 * another one and sets it here). The caller's session stays; every other one ends. Recorded as an
 * interaction for subscribers and in the audit log for staff. Guesses at the current password are
 * limited per account. Asking again with the password already set answers the same.
 */
export async function changePassword(
  db: Database,
  actor: { userId: string; sessionId: string; ip: string; channel: Channel },
  input: ChangePasswordInput,
  now = new Date(),
): Promise<{ sessionsEnded: number }> {
  await consumeOrThrow(db, "passwordChange", actor.userId);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  assertAcceptablePassword(input.newPassword, "newPassword", [user.phone ?? "", user.email ?? ""]);

  let isProven = false;
  if (input.code) {
    isProven =
      user.role === "SUBSCRIBER" &&
      (await consumeCode(db, { userId: user.id, purposes: ["SIGN_IN", "RESET_PASSWORD"], code: input.code }, now)) ===
        "OK";
    if (!isProven) {
      if (user.passwordHash && (await verifyPassword(user.passwordHash, input.newPassword)))
        return { sessionsEnded: 0 };
      throw badRequest("code", AUTH_MESSAGES.wrongCode);
    }
  } else if (input.currentPassword) {
    isProven = !!user.passwordHash && (await verifyPassword(user.passwordHash, input.currentPassword));
    if (!isProven) {
      if (user.passwordHash && (await verifyPassword(user.passwordHash, input.newPassword)))
        return { sessionsEnded: 0 };
      throw badRequest("currentPassword", AUTH_MESSAGES.wrongPassword);
    }
  }
  if (!isProven)
    throw new AppError("BAD_REQUEST", AUTH_MESSAGES.currentPassword, {
      currentPassword: AUTH_MESSAGES.currentPassword,
    });

  const passwordHash = await hashPassword(input.newPassword);
  return setPassword(
    db,
    { userId: user.id, passwordHash, keepSessionId: actor.sessionId },
    async (tx, sessionsEnded) => {
      const by = input.code ? "SMS_CODE" : "CURRENT_PASSWORD";
      if (user.role === "SUBSCRIBER" && user.customerId) {
        await recordInteraction(tx, {
          customerId: user.customerId,
          channel: actor.channel,
          type: "PASSWORD_CHANGED",
          actorId: user.id,
          data: { by, sessionsEnded },
          at: now,
        });
      } else {
        await writeAudit(
          tx,
          { id: user.id, role: user.role, ip: actor.ip },
          {
            action: "user.passwordChange",
            entityType: "User",
            entityId: user.id,
            before: null,
            after: { by, sessionsEnded },
          },
        );
      }
    },
    now,
  );
}
