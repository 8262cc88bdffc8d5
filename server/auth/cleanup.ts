import "server-only";
import type { Database } from "../db/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Drops ended sessions older than a day and throttle counters idle for a week. */
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
  return { sessions: sessions.count, throttles: throttles.count };
}
