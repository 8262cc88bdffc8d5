import { z } from "zod";
import { cursorSchema, idempotencyKeySchema, idSchema, limitSchema } from "../input.schema";

export const billIdSchema = idSchema;

export const billListInput = z
  .object({
    cursor: cursorSchema(200).nullish(),
    limit: limitSchema(),
  })
  .optional();

/** `locale` picks the language of the line descriptions (the session's language by default). */
export const billByIdInput = z.object({ id: billIdSchema, locale: z.enum(["ru", "en"]).optional() });

/** `bill.recordView`: the page shows the bill (read with `bill.byId`), so its viewing is recorded. */
export const recordBillViewInput = z.object({ billId: billIdSchema });

/** A provider token from the card form; never a card number (digits only are refused). */
export const paymentTokenSchema = z.string().regex(/^tok_[a-z0-9_]{3,60}$/, "Not a payment token");

export const payBillInput = z.object({
  billId: billIdSchema,
  /** Kopecks; defaults to everything still due. */
  amountCents: z.number().int().min(1).max(100_000_000).optional(),
  idempotencyKey: idempotencyKeySchema,
  paymentToken: paymentTokenSchema.optional(),
});

/** A card from the card form, to pay each new bill automatically. */
export const enableAutopayInput = z.object({ cardToken: paymentTokenSchema });

export type PayBillInput = z.infer<typeof payBillInput>;
