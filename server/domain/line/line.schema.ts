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

/** An agent's control of a customer's line from the 360 view; the agent has checked who is calling, so no code. */
export const agentLineActionInput = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("BLOCK"),
    lineId: idSchema,
    reason: blockReasonSchema,
    idempotencyKey: idempotencyKeySchema,
  }),
  z.object({ action: z.literal("UNBLOCK"), lineId: idSchema, idempotencyKey: idempotencyKeySchema }),
  z.object({ action: z.literal("SUSPEND"), lineId: idSchema, until: daySchema, idempotencyKey: idempotencyKeySchema }),
  z.object({ action: z.literal("RESUME"), lineId: idSchema, idempotencyKey: idempotencyKeySchema }),
]);

export const provisioningCommandInput = z.object({ commandId: idSchema });

export type AgentLineActionInput = z.infer<typeof agentLineActionInput>;
