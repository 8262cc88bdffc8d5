import { z } from "zod";
import { categorySchema } from "../routing/policy.schema";

export const SUBJECT_MIN = 3;
export const SUBJECT_MAX = 150;
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;
export const MESSAGE_MAX = 4000;
export const SUGGEST_TEXT_MAX = 500;
/** Disputes are about bills; nothing a subscriber is billed comes near 10 million roubles. */
export const DISPUTE_MAX_CENTS = 1_000_000_000;

export const idempotencyKeySchema = z.string().min(8, "At least 8 characters").max(100, "At most 100 characters");
const idSchema = z.string().min(1, "Required").max(60, "Unknown id");

export const createRequestInput = z.object({
  category: categorySchema,
  subject: z
    .string()
    .trim()
    .min(SUBJECT_MIN, `At least ${SUBJECT_MIN} characters`)
    .max(SUBJECT_MAX, `At most ${SUBJECT_MAX} characters`),
  description: z
    .string()
    .trim()
    .min(DESCRIPTION_MIN, `At least ${DESCRIPTION_MIN} characters`)
    .max(DESCRIPTION_MAX, `At most ${DESCRIPTION_MAX} characters`),
  lineId: idSchema.optional(),
  /** For BILLING_QUESTION and BILL_DISPUTE: the bill it is about. */
  billId: idSchema.optional(),
  /** For BILL_DISPUTE: the amount disputed, in kopecks. */
  disputedAmountCents: z
    .number()
    .int("Whole kopecks")
    .min(1, "More than zero")
    .max(DISPUTE_MAX_CENTS, "Too large")
    .optional(),
  idempotencyKey: idempotencyKeySchema,
});

export const suggestInput = z.object({
  category: categorySchema,
  text: z.string().max(SUGGEST_TEXT_MAX, `At most ${SUGGEST_TEXT_MAX} characters`),
  locale: z.enum(["ru", "en"]).optional(),
});

export const listRequestsInput = z
  .object({
    cursor: z.string().max(60).optional(),
    limit: z.number().int().min(1).max(50).optional(),
    /** open: still being worked on; done: resolved or closed. */
    state: z.enum(["open", "done"]).optional(),
  })
  .optional();

export const requestByIdInput = z.object({ id: idSchema });

export const requestActionInput = z.object({ requestId: idSchema });

export const markSolvedInput = requestActionInput.extend({
  /** The article that solved it, counted as helpful. */
  articleId: idSchema.optional(),
});

export const escalateInput = requestActionInput.extend({
  /** What the customer still needs, added to the conversation. */
  comment: z.string().trim().max(MESSAGE_MAX, `At most ${MESSAGE_MAX} characters`).optional(),
});

export const reopenInput = requestActionInput.extend({
  comment: z.string().trim().min(1, "Required").max(MESSAGE_MAX, `At most ${MESSAGE_MAX} characters`),
});

export const addMessageInput = z.object({
  requestId: idSchema,
  body: z.string().trim().min(1, "Required").max(MESSAGE_MAX, `At most ${MESSAGE_MAX} characters`),
  idempotencyKey: idempotencyKeySchema.optional(),
});

export const rateInput = requestActionInput.extend({
  score: z.number().int("Whole stars").min(1, "From 1 to 5").max(5, "From 1 to 5"),
});

export type CreateRequestInput = z.infer<typeof createRequestInput>;
export type AddMessageInput = z.infer<typeof addMessageInput>;
