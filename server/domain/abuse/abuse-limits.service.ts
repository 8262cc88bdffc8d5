import "server-only";
import { sql, type QueryCreator } from "kysely";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "../../db/client";
import type { DB } from "../../db/kysely";
import { AppError } from "../errors";

/**
 * Abuse limits, counted in PostgreSQL (the "RateLimit" table, through rate-limiter-flexible's
 * Prisma store) like the sign-in throttle, so they hold across app instances and restarts:
 * - a credit check reveals debt facts about a passport number: 60 per dealer in 10 minutes;
 * - the public activation runs argon2 on every attempt: 30 attempts per address in 10 minutes,
 *   then the address waits 10 minutes. Wrong codes are also counted per account by the sign-in
 *   throttle (server/auth/login-throttle.ts): 10 lock the account;
 * - what a subscriber writes (requests, messages) lands in an agent's queue and the database,
 *   and each push subscription is a device the notification job sends to: per user an hour's
 *   budget, set by the environment variable named in `env` (README, configuration).
 */
export const ABUSE_LIMITS = {
  creditCheck: { points: 60, duration: 10 * 60, blockDuration: 0, message: "Too many credit checks" },
  activationAddress: {
    points: 30,
    duration: 10 * 60,
    blockDuration: 10 * 60,
    message: "Too many activation attempts from this address",
  },
  /** Password resets by SMS code: each try costs argon2 work and a guess at a code. */
  resetAddress: {
    points: 30,
    duration: 10 * 60,
    blockDuration: 10 * 60,
    message: "Too many attempts from this address",
  },
  /** Guesses at the current password from a signed-in session. */
  passwordChange: { points: 10, duration: 15 * 60, blockDuration: 0, message: "Too many password change attempts" },
  /** Public passkey sign-in challenges: each one is a row in PostgreSQL until it expires. */
  passkeyChallengeAddress: {
    points: 60,
    duration: 10 * 60,
    blockDuration: 0,
    message: "Too many passkey sign-in attempts from this address",
  },
  /** Service requests opened (`request.create`); a replay of the same idempotency key is free. */
  requestCreate: {
    points: 10,
    duration: 60 * 60,
    blockDuration: 0,
    message: "Too many requests opened",
    env: "RATE_LIMIT_REQUESTS_PER_HOUR",
  },
  /** Messages written on own requests (`request.addMessage`); a replay is free. */
  requestMessage: {
    points: 60,
    duration: 60 * 60,
    blockDuration: 0,
    message: "Too many messages",
    env: "RATE_LIMIT_MESSAGES_PER_HOUR",
  },
  /** Devices registered for push (`push.subscribe`); registering the same device again is free. */
  pushSubscribe: {
    points: 10,
    duration: 60 * 60,
    blockDuration: 0,
    message: "Too many push subscriptions",
    env: "RATE_LIMIT_PUSH_SUBSCRIPTIONS_PER_HOUR",
  },
} as const satisfies Record<
  string,
  { points: number; duration: number; blockDuration: number; message: string; env?: string }
>;

export type AbuseLimit = keyof typeof ABUSE_LIMITS;

/** The budget of `limit`: its environment variable when that is a positive integer, else the default. */
export function pointsOf(limit: AbuseLimit): number {
  const spec: { points: number; env?: string } = ABUSE_LIMITS[limit];
  const configured = spec.env ? Number(process.env[spec.env] || Number.NaN) : Number.NaN;
  return Number.isSafeInteger(configured) && configured > 0 ? configured : spec.points;
}

const limiters = new WeakMap<Database, Map<string, RateLimiterPrisma>>();

function limiterOf(db: Database, limit: AbuseLimit): RateLimiterPrisma {
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  const points = pointsOf(limit);
  // A changed budget (configuration read again) gets its own limiter over the same counters.
  const cacheKey = `${limit}:${points}`;
  let limiter = byName.get(cacheKey);
  if (!limiter) {
    const { duration, blockDuration } = ABUSE_LIMITS[limit];
    // The store names the Prisma delegate, i.e. `db.rateLimit`.
    limiter = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix: limit,
      points,
      duration,
      blockDuration,
    });
    byName.set(cacheKey, limiter);
  }
  return limiter;
}

/** The refusal, with when to come back (an ISO time and the seconds until then). */
export function tooManyRequests(message: string, msBeforeNext: number, now = new Date()): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const retryAt = new Date(now.getTime() + seconds * 1000);
  return new AppError("TOO_MANY_REQUESTS", `${message}; try again after ${retryAt.toISOString()} (in ${seconds} s)`);
}

/** Counts one use of `limit` for `key`; over the limit it throws TOO_MANY_REQUESTS before any work is done. */
export async function consumeOrThrow(db: Database, limit: AbuseLimit, key: string): Promise<void> {
  try {
    await limiterOf(db, limit).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooManyRequests(ABUSE_LIMITS[limit].message, error.msBeforeNext);
    throw error;
  }
}

/** The limiter's row key for `key`: rate-limiter-flexible's `keyPrefix:key`. */
export function limitKey(limit: AbuseLimit, key: string): string {
  return `${limit}:${key}`;
}

/**
 * The statement that counts one use of `limit` for each of `keys` (distinct) at once, for a
 * burst written in one statement (request/outage-filing.service.ts). It writes the limiter's own
 * rows as rate-limiter-flexible's Prisma store does (an expired window starts again), so both
 * count one budget; each row it returns goes to `refusalOf`.
 */
export function countUses(creator: QueryCreator<DB>, limit: AbuseLimit, keys: string[], now: Date) {
  const expire = new Date(now.getTime() + ABUSE_LIMITS[limit].duration * 1000);
  return creator
    .insertInto("RateLimit")
    .values(keys.map((key) => ({ key: limitKey(limit, key), points: 1, expire })))
    .onConflict((conflict) =>
      conflict.column("key").doUpdateSet({
        points: sql<number>`CASE WHEN "RateLimit".expire <= ${now} THEN 1 ELSE "RateLimit".points + 1 END`,
        expire: sql<Date>`CASE WHEN "RateLimit".expire <= ${now} THEN excluded.expire ELSE "RateLimit".expire END`,
      }),
    )
    .returning(["key", "points", "expire"]);
}

/** The refusal for a use counted by `countUses` that went over the budget, or null. */
export function refusalOf(
  limit: AbuseLimit,
  counted: { points: number; expire: Date | null },
  now: Date,
): AppError | null {
  if (counted.points <= pointsOf(limit)) return null;
  const msBeforeNext = counted.expire ? Math.max(counted.expire.getTime() - now.getTime(), 0) : 0;
  return tooManyRequests(ABUSE_LIMITS[limit].message, msBeforeNext, now);
}

/**
 * Gives back the use counted by `consumeOrThrow`, for a call that turned out to be a replay (a
 * racing duplicate of the same idempotency key answered with the winner's result).
 */
export async function refundUse(db: Database, limit: AbuseLimit, key: string): Promise<void> {
  await limiterOf(db, limit).reward(key, 1);
}
