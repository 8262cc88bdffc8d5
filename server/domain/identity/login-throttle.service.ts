import "server-only";
import type { Database } from "../../db/client";

/**
 * Failed attempts are counted in PostgreSQL, so the counters survive restarts and hold across
 * app instances. Three counters per attempt:
 * - the identifier, from any address: after 10 consecutive failures it is either locked for
 *   everyone (`"lock"`, activation codes) or stepped up (`"step-up"`, sign-in): it stays open, but
 *   a password alone no longer opens it, so strangers' failures cannot lock its owner out
 *   (NIST SP 800-63B 5.2.2 allows this instead of a lock);
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

/** What many failures on one identifier from anywhere do: lock it, or ask for more than a password. */
export type IdentifierPolicy = "lock" | "step-up";

export type ThrottleState = {
  /** When a locked attempt may be retried, or null if the attempt may proceed. */
  lockedUntil: Date | null;
  /** `"step-up"` only: the identifier had too many failures, so a password alone is not enough. */
  needsStepUp: boolean;
};

type Keys = { identifier: string; pair: string; address: string };

function keysFor(identifier: string, ip: string): Keys {
  return { identifier: `id:${identifier}`, pair: `idip:${identifier}|${ip}`, address: `ip:${ip}` };
}

/** The locks on this attempt and whether the identifier needs more than a password: one statement. */
export async function getThrottleState(
  db: Database,
  identifier: string,
  ip: string,
  policy: IdentifierPolicy,
  now = new Date(),
): Promise<ThrottleState> {
  const keys = keysFor(identifier, ip);
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: Object.values(keys) } },
    select: { key: true, failures: true, lockedUntil: true },
  });
  const locks = rows
    .filter((row) => row.lockedUntil && row.lockedUntil > now && (policy === "lock" || row.key !== keys.identifier))
    .map((row) => row.lockedUntil!.getTime());
  const identifierRow = rows.find((row) => row.key === keys.identifier);
  return {
    lockedUntil: locks.length ? new Date(Math.max(...locks)) : null,
    needsStepUp: policy === "step-up" && (identifierRow?.failures ?? 0) >= MAX_IDENTIFIER_FAILURES,
  };
}

/** When a locked attempt may be retried, or null if the attempt may proceed (the `"lock"` policy). */
export async function getLockedUntil(
  db: Database,
  identifier: string,
  ip: string,
  now = new Date(),
): Promise<Date | null> {
  return (await getThrottleState(db, identifier, ip, "lock", now)).lockedUntil;
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

/** Counts a failed attempt and answers the state it leaves. */
export async function recordFailureWith(
  db: Database,
  identifier: string,
  ip: string,
  policy: IdentifierPolicy,
  now = new Date(),
): Promise<ThrottleState> {
  const keys = keysFor(identifier, ip);
  // Stepped up, the identifier's counter keeps counting and never locks.
  await countFailure(db, keys.identifier, policy === "lock" ? MAX_IDENTIFIER_FAILURES : Infinity, now);
  await countFailure(db, keys.pair, MAX_IDENTIFIER_FAILURES, now);
  await countFailure(db, keys.address, MAX_ADDRESS_FAILURES, now);
  return getThrottleState(db, identifier, ip, policy, now);
}

/** Counts a failed attempt under the `"lock"` policy; when the attempt may be retried, if now locked. */
export async function recordFailure(
  db: Database,
  identifier: string,
  ip: string,
  now = new Date(),
): Promise<Date | null> {
  return (await recordFailureWith(db, identifier, ip, "lock", now)).lockedUntil;
}

export async function recordSuccess(db: Database, identifier: string, ip: string): Promise<void> {
  const keys = keysFor(identifier, ip);
  await db.loginThrottle.deleteMany({ where: { key: { in: [keys.identifier, keys.pair] } } });
}

/** The identifier rows a supervisor sees: locked now, or stepped up (too many failures from anywhere). */
export function throttledIdentifierWhere(now: Date) {
  return {
    key: { startsWith: "id:" },
    OR: [{ lockedUntil: { gt: now } }, { failures: { gte: MAX_IDENTIFIER_FAILURES } }],
  };
}

/** A supervisor unlocks a throttled identifier (every address). */
export async function clearThrottle(db: Database, identifier: string): Promise<void> {
  await db.loginThrottle.deleteMany({
    where: { OR: [{ key: `id:${identifier}` }, { key: { startsWith: `idip:${identifier}|` } }] },
  });
}
