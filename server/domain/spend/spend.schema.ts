import { z } from "zod";
import { idempotencyKeySchema, idSchema } from "../input.schema";

/** The largest monthly cap: one million rubles, in kopecks. */
export const MAX_SPEND_LIMIT_CENTS = 100_000_000;

export const setSpendLimitInput = z.object({
  lineId: idSchema,
  /** The monthly cap on extras in kopecks (0 bars every extra); null removes the cap. */
  limitCents: z
    .number({ message: "A whole amount in kopecks, or null to remove the cap" })
    .int("A whole amount in kopecks")
    .min(0, "The cap cannot be negative")
    .max(MAX_SPEND_LIMIT_CENTS, "At most 1,000,000 ₽")
    .nullable(),
  /** Optional: setting a value is idempotent; a retried submit may carry one to be traced. */
  idempotencyKey: idempotencyKeySchema.optional(),
});

export type SetSpendLimitInput = z.infer<typeof setSpendLimitInput>;

/** An agent's change is audited once per key, so the key is required. */
export const agentSetSpendLimitInput = setSpendLimitInput.extend({ idempotencyKey: idempotencyKeySchema });

export type AgentSetSpendLimitInput = z.infer<typeof agentSetSpendLimitInput>;
