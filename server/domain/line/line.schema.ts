import { z } from "zod";
import { idempotencyKeySchema, idSchema } from "../input.schema";

export const blockReasonSchema = z.enum(["LOST", "STOLEN", "OTHER"]);

/** A calendar day, "YYYY-MM-DD": the day a suspended line comes back. */
const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "A date as YYYY-MM-DD")
  .refine((value) => !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()), "Not a date");

export const blockLineInput = z.object({
  lineId: idSchema,
  reason: blockReasonSchema,
  idempotencyKey: idempotencyKeySchema,
});

export const unblockLineInput = z.object({
  lineId: idSchema,
  code: z
    .string()
    .regex(/^\s*\d{6}\s*$/, "Six digits")
    .optional(),
});

export const suspendPreviewInput = z.object({ lineId: idSchema, until: daySchema });

export const suspendLineInput = suspendPreviewInput.extend({ idempotencyKey: idempotencyKeySchema });

export const resumeLineInput = z.object({ lineId: idSchema });

export type BlockLineInput = z.infer<typeof blockLineInput>;
export type UnblockLineInput = z.infer<typeof unblockLineInput>;
export type SuspendLineInput = z.infer<typeof suspendLineInput>;
