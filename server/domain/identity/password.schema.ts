import { safeString } from "../input.schema";

/**
 * What a new password must be (NIST SP 800-63B, 3.1.1.2): at least 8 characters, at most 128,
 * with no rules about which kinds of characters it contains. This part is what a browser form
 * can check; the server also refuses common and guessable passwords (common-passwords.ts).
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** English messages the API answers; pages translate them by key (`password.*` in messages). */
export const PASSWORD_MESSAGES = {
  tooShort: `The password needs at least ${PASSWORD_MIN_LENGTH} characters`,
  tooLong: `The password may have at most ${PASSWORD_MAX_LENGTH} characters`,
  common: "This password is among the most common ones; choose another",
} as const;

export const newPasswordSchema = safeString(PASSWORD_MESSAGES.tooShort)
  .min(PASSWORD_MIN_LENGTH, PASSWORD_MESSAGES.tooShort)
  .max(PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES.tooLong);
