import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

/**
 * One-time SMS codes: the rules, with `now` passed in (one-time-code.test.ts).
 *
 * A code is 6 random digits (node:crypto's randomInt, a CSPRNG). It is stored as an
 * HMAC-SHA256 under the server's secret, not as argon2: a 6-digit code has only 10^6 values, so no
 * password hash would stop an offline search by someone holding the table; what protects it is
 * that the key is not in the database, the code dies after MAX_CODE_ATTEMPTS tries and
 * CODE_TTL_MS, and few codes are sent per number and address (CODE_LIMITS). The HMAC binds the
 * code to its user and purpose, so equal codes never give equal hashes.
 */
export const CODE_LENGTH = 6;
export const CODE_TTL_MS = 5 * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;

export const CODE_LIMITS = {
  /** A new code to the same number after this long. */
  resendCooldownMs: 60 * 1000,
  /** Codes per number per window. */
  perNumber: 5,
  /** Codes per client address per window (a household or an office shares one). */
  perAddress: 20,
  windowMs: 60 * 60 * 1000,
} as const;

export type CodePurpose = "SIGN_IN" | "RESET_PASSWORD" | "UNBLOCK_LINE";

export function generateCode(): string {
  return String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, "0");
}

/** Digits only: people paste "123 456" or "123-456". */
export function normalizeCode(input: string): string {
  return input.replace(/\D/g, "");
}

export function hashCode(key: string, subject: { userId: string; purpose: CodePurpose }, code: string): string {
  return createHmac("sha256", key).update(`otp:${subject.userId}:${subject.purpose}:${code}`).digest("hex");
}

export function isSameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

export type CodeState = "LIVE" | "USED" | "EXPIRED" | "EXHAUSTED";

/** Whether a stored code may still be tried. */
export function codeState(code: { expiresAt: Date; attempts: number; usedAt: Date | null }, now: Date): CodeState {
  if (code.usedAt) return "USED";
  if (code.attempts >= MAX_CODE_ATTEMPTS) return "EXHAUSTED";
  if (code.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "LIVE";
}

export type SendDecision = { isAllowed: boolean; retryAfterSeconds: number };

function secondsUntil(at: number, now: Date): number {
  return Math.max(1, Math.ceil((at - now.getTime()) / 1000));
}

/** The send times still inside the window (what is kept in the log). */
export function recentSends(times: readonly Date[], now: Date): Date[] {
  return times.filter((time) => now.getTime() - time.getTime() < CODE_LIMITS.windowMs);
}

/**
 * May a code be sent now, given when codes were last sent to this number and from this address?
 * Either way the answer says when the next one may be asked for: after a send, the cooldown.
 */
export function decideCodeSend(
  sent: { toNumber: readonly Date[]; fromAddress: readonly Date[] },
  now: Date,
): SendDecision {
  const toNumber = recentSends(sent.toNumber, now).map((time) => time.getTime());
  const fromAddress = recentSends(sent.fromAddress, now).map((time) => time.getTime());
  const waits: number[] = [];
  const last = toNumber.length ? Math.max(...toNumber) : undefined;
  if (last !== undefined && now.getTime() - last < CODE_LIMITS.resendCooldownMs) {
    waits.push(last + CODE_LIMITS.resendCooldownMs);
  }
  if (toNumber.length >= CODE_LIMITS.perNumber) {
    // The oldest sends leave the window first: wait until enough of them have.
    const sorted = [...toNumber].sort((a, b) => a - b);
    waits.push(sorted[toNumber.length - CODE_LIMITS.perNumber]! + CODE_LIMITS.windowMs);
  }
  if (fromAddress.length >= CODE_LIMITS.perAddress) {
    const sorted = [...fromAddress].sort((a, b) => a - b);
    waits.push(sorted[fromAddress.length - CODE_LIMITS.perAddress]! + CODE_LIMITS.windowMs);
  }
  if (waits.length) return { isAllowed: false, retryAfterSeconds: secondsUntil(Math.max(...waits), now) };
  return { isAllowed: true, retryAfterSeconds: CODE_LIMITS.resendCooldownMs / 1000 };
}
