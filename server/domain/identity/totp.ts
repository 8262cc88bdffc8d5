import { createHash, randomInt } from "node:crypto";
import type { Role } from "@prisma/client";
import { createGuardrails, generate, generateSecret, generateURI, verify } from "otplib";
import { DEMO_TOTP_SECRET } from "./demo-totp";

/**
 * The staff second factor: TOTP as RFC 6238 and every authenticator app read it (SHA-1, 6 digits,
 * 30-second steps), one step of clock drift either way, and one-time recovery codes.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the server's: ±1 (a code typed as it changes, a phone a little off). */
export const TOTP_DRIFT_STEPS = 1;
export const TOTP_ISSUER = "Selfcare";

export { DEMO_TOTP_SECRET };

export const RECOVERY_CODE_COUNT = 10;

/** Everyone but subscribers passes a second factor: agents, dealers' staff and supervisors. */
export const SECOND_FACTOR_ROLES = ["AGENT", "PARTNER", "ADMIN"] as const satisfies readonly Role[];

export function needsSecondFactor(role: Role): boolean {
  return (SECOND_FACTOR_ROLES as readonly Role[]).includes(role);
}

// otplib 13 refuses secrets under 16 bytes (RFC 4226's recommendation). New secrets are 20 bytes;
// the published demo secret is 10, so the floor is lowered to what it needs.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
const OPTIONS = { algorithm: "sha1", digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, guardrails } as const;

/** A new random secret: 20 bytes (160 bits, RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The `otpauth://totp/...` URI an authenticator app scans. */
export function totpUri(secret: string, account: string): string {
  return generateURI({
    issuer: TOTP_ISSUER,
    label: account,
    secret,
    algorithm: "sha1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });
}

export function totpStepAt(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of the step `at` falls in. */
export function totpCodeAt(secret: string, at: Date): Promise<string> {
  return generate({ ...OPTIONS, secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** The demo secret's code now: for tests, scripts and the demo sign-in hint. */
export function demoTotpCode(at = new Date()): Promise<string> {
  return totpCodeAt(DEMO_TOTP_SECRET, at);
}

/** Six digits, spaces allowed ("123 456"): a TOTP code rather than a recovery code. */
export function looksLikeTotp(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ""));
}

/**
 * Checks a code against the secret at `at`, ±1 step. With `afterStep` (the last accepted step), a
 * code of that step or an earlier one is refused: a code works once. Answers the code's step.
 */
export async function checkTotp(
  secret: string,
  code: string,
  at: Date,
  afterStep?: number | null,
): Promise<{ ok: true; step: number } | { ok: false }> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return { ok: false };
  const result = await verify({
    ...OPTIONS,
    secret,
    token,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: TOTP_DRIFT_STEPS * TOTP_PERIOD_SECONDS,
    ...(afterStep == null ? {} : { afterTimeStep: afterStep }),
  });
  // The functional API answers TOTP's and HOTP's result types together; a TOTP result has its step.
  return result.valid && "timeStep" in result ? { ok: true, step: result.timeStep } : { ok: false };
}

// Crockford-style alphabet without 0/O, 1/I/L and U: easy to read off paper and type.
const RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const RECOVERY_LENGTH = 10;

/** Ten random characters (about 49 bits), shown as XXXXX-XXXXX. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: RECOVERY_LENGTH }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
    return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
  });
}

/** As typed: any case, with or without the dash and spaces. */
export function normalizeRecoveryCode(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase();
}

/**
 * Recovery codes are random and long, so a fast hash suffices (no dictionary to try them against);
 * a slow password hash would cost ten argon2 runs per sign-in attempt.
 */
export function hashRecoveryCode(input: string): string {
  return createHash("sha256")
    .update(`selfcare-recovery:${normalizeRecoveryCode(input)}`)
    .digest("hex");
}
