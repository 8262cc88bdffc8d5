import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { badRequest } from "../errors";
import { PASSWORD_MESSAGES } from "./password.schema";

let common: Set<string> | undefined;

/** zxcvbn-ts's list of the ~49,000 most common passwords from public breaches, loaded once. */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"]);
  return common;
}

/**
 * Whether a password is one an attacker tries first (NIST SP 800-63B, 3.1.1.2): on the list of
 * common passwords (case-insensitive), one character repeated, or one of the account's own
 * words (its phone number, e-mail, the product's name).
 */
export function isGuessablePassword(password: string, ownWords: readonly string[] = []): boolean {
  const candidate = password.trim().toLowerCase();
  if (commonPasswords().has(candidate)) return true;
  if (/^(.)\1*$/u.test(candidate)) return true;
  const words = ["selfcare", ...ownWords].map((word) => word.trim().toLowerCase()).filter(Boolean);
  const digitsOnly = candidate.replace(/\D/g, "");
  return words.some((word) => {
    const wordDigits = word.replace(/\D/g, "");
    return candidate === word || (wordDigits.length >= 7 && digitsOnly.length >= 7 && wordDigits.endsWith(digitsOnly));
  });
}

/** Refuses a guessable new password with BAD_REQUEST on `field`. */
export function assertAcceptablePassword(password: string, field: string, ownWords: readonly string[] = []): void {
  if (isGuessablePassword(password, ownWords)) throw badRequest(field, PASSWORD_MESSAGES.common);
}
