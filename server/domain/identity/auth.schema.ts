import { z } from "zod";
import { safeString } from "../input.schema";
import { normalizePhone } from "./identifier";
import { newPasswordSchema } from "./password.schema";

/** English messages the API answers; pages show their own texts by field. */
export const AUTH_MESSAGES = {
  phone: "Enter a phone number, e.g. +7 900 100-00-01",
  code: "Enter the 6-digit code from the SMS",
  wrongCode: "The code is wrong or has expired; ask for a new one",
  currentPassword: "Enter your current password or a code from an SMS",
  wrongPassword: "The current password is wrong",
  link: "This link is invalid, used or expired; ask your supervisor for a new one",
} as const;

export const phoneSchema = safeString(AUTH_MESSAGES.phone)
  .trim()
  .max(32, AUTH_MESSAGES.phone)
  .refine((value) => normalizePhone(value) !== null, AUTH_MESSAGES.phone);

export const codeSchema = safeString(AUTH_MESSAGES.code)
  .trim()
  .regex(/^\d{3}[\s-]?\d{3}$/, AUTH_MESSAGES.code);

export const codePurposeSchema = z.enum(["SIGN_IN", "RESET_PASSWORD"]);

export const requestCodeInput = z.object({ phone: phoneSchema, purpose: codePurposeSchema });

export const resetPasswordInput = z.object({ phone: phoneSchema, code: codeSchema, newPassword: newPasswordSchema });

export const changePasswordInput = z
  .object({
    currentPassword: safeString().max(200).optional(),
    code: codeSchema.optional(),
    newPassword: newPasswordSchema,
  })
  .refine((input) => !!input.currentPassword || !!input.code, {
    path: ["currentPassword"],
    message: AUTH_MESSAGES.currentPassword,
  });

export const resetPasswordWithLinkInput = z.object({
  token: safeString(AUTH_MESSAGES.link).trim().min(20, AUTH_MESSAGES.link).max(200, AUTH_MESSAGES.link),
  newPassword: newPasswordSchema,
});

export type RequestCodeInput = z.infer<typeof requestCodeInput>;
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
