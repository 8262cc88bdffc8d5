import { z } from "zod";
import { cursorSchema, idempotencyKeySchema, idSchema, limitSchema, safeString, safeText } from "../input.schema";
import { categorySchema } from "../routing/policy.schema";

export const SUBJECT_MIN = 3;
export const SUBJECT_MAX = 150;
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;
export const MESSAGE_MAX = 4000;
export const SUGGEST_TEXT_MAX = 500;
/** Disputes are about bills; nothing a subscriber is billed comes near 10 million roubles. */
export const DISPUTE_MAX_CENTS = 1_000_000_000;

export const createRequestInput = z.object({
  category: categorySchema,
  subject: safeString()
    .trim()
    .min(SUBJECT_MIN, `At least ${SUBJECT_MIN} characters`)
    .max(SUBJECT_MAX, `At most ${SUBJECT_MAX} characters`),
  description: safeString()
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
  text: safeString().max(SUGGEST_TEXT_MAX, `At most ${SUGGEST_TEXT_MAX} characters`),
  locale: z.enum(["ru", "en"]).optional(),
});

export const listRequestsInput = z
  .object({
    cursor: cursorSchema(60).optional(),
    limit: limitSchema(50),
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
  comment: safeText({ max: MESSAGE_MAX, tooLong: `At most ${MESSAGE_MAX} characters` }).optional(),
});

export const reopenInput = requestActionInput.extend({
  comment: safeText({ min: 1, max: MESSAGE_MAX, tooShort: "Required", tooLong: `At most ${MESSAGE_MAX} characters` }),
});

export const addMessageInput = z.object({
  requestId: idSchema,
  body: safeText({ min: 1, max: MESSAGE_MAX, tooShort: "Required", tooLong: `At most ${MESSAGE_MAX} characters` }),
  idempotencyKey: idempotencyKeySchema.optional(),
});

export const rateInput = requestActionInput.extend({
  score: z.number().int("Whole stars").min(1, "From 1 to 5").max(5, "From 1 to 5"),
});

export type CreateRequestInput = z.infer<typeof createRequestInput>;
export type AddMessageInput = z.infer<typeof addMessageInput>;
