import { z } from "zod";

/** English messages the API answers; pages translate them by key (`secondFactor.*` in messages). */
export const SECOND_FACTOR_MESSAGES = {
  codeFormat: "Enter the 6-digit code from the app",
  wrongCode: "This code is not right; enter the code the app shows now",
} as const;

/** The first code from the authenticator app, which confirms an enrolment. Spaces are ignored. */
export const confirmEnrolmentInput = z.object({
  code: z
    .string(SECOND_FACTOR_MESSAGES.codeFormat)
    .transform((value) => value.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, SECOND_FACTOR_MESSAGES.codeFormat)),
});

export type ConfirmEnrolmentInput = z.infer<typeof confirmEnrolmentInput>;
