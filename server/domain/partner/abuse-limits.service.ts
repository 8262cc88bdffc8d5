import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "../../db/client";
import { AppError } from "../errors";

/**
 * Abuse limits on the partner portal, counted in PostgreSQL (the "RateLimit" table, through
 * rate-limiter-flexible's Prisma store) like the sign-in throttle, so they hold across app
 * instances and restarts:
 * - a credit check reveals debt facts about a passport number: 60 per dealer in 10 minutes;
 * - the public activation runs argon2 on every attempt: 30 attempts per address in 10 minutes,
 *   then the address waits 10 minutes. Wrong codes are also counted per account by the sign-in
 *   throttle (server/auth/login-throttle.ts): 10 lock the account.
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
} as const;

export type AbuseLimit = keyof typeof ABUSE_LIMITS;

const limiters = new WeakMap<Database, Map<AbuseLimit, RateLimiterPrisma>>();

function limiterOf(db: Database, limit: AbuseLimit): RateLimiterPrisma {
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  let limiter = byName.get(limit);
  if (!limiter) {
    const { points, duration, blockDuration } = ABUSE_LIMITS[limit];
    // The store names the Prisma delegate, i.e. `db.rateLimit`.
    limiter = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix: limit,
      points,
      duration,
      blockDuration,
    });
    byName.set(limit, limiter);
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
