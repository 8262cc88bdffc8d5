import "server-only";
import type { Database } from "../db/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Drops ended sessions older than a day, throttle counters idle for a week, one-time codes and
 * reset links a day after they ended, passkey challenges once expired, and code-send logs idle for longer than their hour.
 */
export async function cleanUpAuthRecords(db: Database, now = new Date()) {
  const sessions = await db.authSession.deleteMany({
    where: {
      OR: [
        { expiresAt: { lt: new Date(now.getTime() - DAY_MS) } },
        { revokedAt: { lt: new Date(now.getTime() - DAY_MS) } },
      ],
    },
  });
  const throttles = await db.loginThrottle.deleteMany({
    where: {
      updatedAt: { lt: new Date(now.getTime() - 7 * DAY_MS) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
  });
  const dayAgo = new Date(now.getTime() - DAY_MS);
  await db.oneTimeCode.deleteMany({ where: { expiresAt: { lt: dayAgo } } });
  await db.passwordResetToken.deleteMany({ where: { expiresAt: { lt: dayAgo } } });
  await db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.codeSendLog.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - 2 * 60 * 60 * 1000) } } });
  return { sessions: sessions.count, throttles: throttles.count };
}
