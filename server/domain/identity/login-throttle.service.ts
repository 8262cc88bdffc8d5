import "server-only";
import type { Database } from "../../db/client";

/**
 * Failed sign-ins are counted in PostgreSQL, so the counters survive restarts and hold across
 * app instances. Three counters per attempt:
 * - the identifier, from any address: 10 consecutive failures lock it for everyone;
 * - the identifier from one address: the attacker's own lock, which keeps growing;
 * - the address across identifiers (credential stuffing): 50 failures lock the address.
 * Each lock lasts BASE * 2^(locks so far), capped at an hour. A success resets the identifier's
 * counters. Attempts refused while locked are not counted, so an attacker cannot stretch the
 * lock that the real owner meets from another address beyond the current interval.
 */
export const MAX_IDENTIFIER_FAILURES = 10;
export const MAX_ADDRESS_FAILURES = 50;
const MAX_LOCK_MS = 60 * 60 * 1000;

function baseLockMs(): number {
  const seconds = Number(process.env.LOGIN_LOCK_SECONDS ?? 60);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000;
}

export function lockDurationMs(previousLocks: number): number {
  return Math.min(baseLockMs() * 2 ** previousLocks, MAX_LOCK_MS);
}

type Keys = { identifier: string; pair: string; address: string };

function keysFor(identifier: string, ip: string): Keys {
  return { identifier: `id:${identifier}`, pair: `idip:${identifier}|${ip}`, address: `ip:${ip}` };
}

/** When a locked attempt may be retried, or null if the attempt may proceed. */
export async function getLockedUntil(
  db: Database,
  identifier: string,
  ip: string,
  now = new Date(),
): Promise<Date | null> {
  const keys = keysFor(identifier, ip);
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: Object.values(keys) }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const until = rows.map((row) => row.lockedUntil!.getTime());
  return until.length ? new Date(Math.max(...until)) : null;
}

async function countFailure(db: Database, key: string, limit: number, now: Date): Promise<void> {
  // One atomic upsert: concurrent failures on several instances all count.
  const row = await db.$kysely
    .insertInto("LoginThrottle")
    .values({ key, failures: 1, lastFailureAt: now, updatedAt: now })
    .onConflict((conflict) =>
      conflict.column("key").doUpdateSet((eb) => ({
        failures: eb("LoginThrottle.failures", "+", 1),
        lastFailureAt: now,
        updatedAt: now,
      })),
    )
    .returning(["failures", "lockCount"])
    .executeTakeFirst();
  if (row && row.failures >= limit) {
    const lockedUntil = new Date(now.getTime() + lockDurationMs(row.lockCount));
    await db.$kysely
      .updateTable("LoginThrottle")
      .set((eb) => ({ failures: 0, lockCount: eb("lockCount", "+", 1), lockedUntil, updatedAt: now }))
      .where("key", "=", key)
      .where("failures", ">=", limit)
      .execute();
  }
}

export async function recordFailure(
  db: Database,
  identifier: string,
  ip: string,
  now = new Date(),
): Promise<Date | null> {
  const keys = keysFor(identifier, ip);
  await countFailure(db, keys.identifier, MAX_IDENTIFIER_FAILURES, now);
  await countFailure(db, keys.pair, MAX_IDENTIFIER_FAILURES, now);
  await countFailure(db, keys.address, MAX_ADDRESS_FAILURES, now);
  return getLockedUntil(db, identifier, ip, now);
}

export async function recordSuccess(db: Database, identifier: string, ip: string): Promise<void> {
  const keys = keysFor(identifier, ip);
  await db.loginThrottle.deleteMany({ where: { key: { in: [keys.identifier, keys.pair] } } });
}

/** A supervisor unlocks a throttled identifier (every address). */
export async function clearThrottle(db: Database, identifier: string): Promise<void> {
  await db.loginThrottle.deleteMany({
    where: { OR: [{ key: `id:${identifier}` }, { key: { startsWith: `idip:${identifier}|` } }] },
  });
}
