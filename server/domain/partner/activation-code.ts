import { createHmac } from "node:crypto";

/** No 0/O, 1/I/L: a code read out over a counter is typed right the first time. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;
export const ACTIVATION_DAYS = 7;

/**
 * The code for one issue of an activation (a login and the expiry of that issue). Derived rather
 * than random, so a replayed registration hands the dealer the same code; only its argon2 hash is
 * stored. A new issue (a new expiry) gives a new code.
 */
export function deriveActivationCode(key: string, userId: string, expiresAt: Date): string {
  const digest = createHmac("sha256", key).update(`activation:${userId}:${expiresAt.toISOString()}`).digest();
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[digest[i]! % ALPHABET.length];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a subscriber types: any case, with or without the dash or spaces. */
export function normalizeActivationCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, "");
  return compact.length === CODE_LENGTH ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}

export function activationExpiry(now: Date): Date {
  return new Date(now.getTime() + ACTIVATION_DAYS * 24 * 60 * 60 * 1000);
}
