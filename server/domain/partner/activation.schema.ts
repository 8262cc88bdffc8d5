import { z } from "zod";
import { normalizePhone } from "../identity/identifier";
import { safeString } from "../input.schema";
import { newPasswordSchema, PASSWORD_MESSAGES } from "../identity/password.schema";

/** English messages the API answers; the activation page translates them by key. */
export const ACTIVATION_MESSAGES = {
  identifierRequired: "Enter your account number or your new phone number",
  identifierInvalid: "Enter the 10-digit account number or a phone number like +7 999 123-45-67",
  codeRequired: "Enter the activation code from your dealer",
  codeFormat: "The activation code has 8 letters and digits, e.g. K7QF-3M9P",
  passwordTooShort: PASSWORD_MESSAGES.tooShort,
  passwordTooLong: PASSWORD_MESSAGES.tooLong,
  passwordCommon: PASSWORD_MESSAGES.common,
  passwordMismatch: "The passwords do not match",
} as const;

export type ActivationMessageKey = keyof typeof ACTIVATION_MESSAGES;

export type ActivationIdentifier = { kind: "account"; value: string } | { kind: "phone"; value: string };

/** An account number is 10 digits that never start with 9; anything else is read as a phone number. */
export function parseActivationIdentifier(input: string): ActivationIdentifier | null {
  const compact = input.replace(/[\s-]/g, "");
  if (/^\d{10}$/.test(compact) && !compact.startsWith("9")) return { kind: "account", value: compact };
  const phone = normalizePhone(input);
  return phone ? { kind: "phone", value: phone } : null;
}

const M = ACTIVATION_MESSAGES;

export const activationSchema = z.object({
  identifier: safeString(M.identifierRequired)
    .trim()
    .min(1, M.identifierRequired)
    .max(40, M.identifierInvalid)
    .refine((value) => parseActivationIdentifier(value) !== null, M.identifierInvalid),
  code: safeString(M.codeRequired)
    .trim()
    .max(40, M.codeFormat)
    .min(1, M.codeRequired)
    .refine((value) => value.replace(/[^0-9A-Za-z]/g, "").length === 8, M.codeFormat),
  password: newPasswordSchema,
});

/** The page asks for the password twice; the server needs it once. */
export const activationFormSchema = activationSchema
  .extend({ confirmPassword: z.string() })
  .refine((form) => form.password === form.confirmPassword, { path: ["confirmPassword"], message: M.passwordMismatch });

export type ActivationInput = z.output<typeof activationSchema>;
