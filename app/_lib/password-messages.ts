import { AUTH_MESSAGES } from "@/server/domain/identity/auth.schema";
import { PASSWORD_MESSAGES } from "@/server/domain/identity/password.schema";

/** The key of a server message about a code or a password, for the pages' own texts. */
export type PasswordMessageKey =
  "tooShort" | "tooLong" | "common" | "codeInvalid" | "wrongCode" | "wrongPassword" | "currentPassword" | "invalidLink";

const KEYS = new Map<string, PasswordMessageKey>([
  [PASSWORD_MESSAGES.tooShort, "tooShort"],
  [PASSWORD_MESSAGES.tooLong, "tooLong"],
  [PASSWORD_MESSAGES.common, "common"],
  [AUTH_MESSAGES.code, "codeInvalid"],
  [AUTH_MESSAGES.wrongCode, "wrongCode"],
  [AUTH_MESSAGES.wrongPassword, "wrongPassword"],
  [AUTH_MESSAGES.currentPassword, "currentPassword"],
  [AUTH_MESSAGES.link, "invalidLink"],
]);

/** What a page shows for a server or schema message (the same English texts), or undefined for an unknown one. */
export function passwordMessageKey(message: string | undefined): PasswordMessageKey | undefined {
  return message ? KEYS.get(message) : undefined;
}
