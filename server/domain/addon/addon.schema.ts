import { z } from "zod";
import { idempotencyKeySchema, idSchema } from "../input.schema";

export const addonListInput = z.object({ lineId: idSchema });

export const previewAddonInput = z.object({ lineId: idSchema, addonId: idSchema });

export const buyAddonInput = previewAddonInput.extend({ idempotencyKey: idempotencyKeySchema });

export const myAddonsInput = z.object({ lineId: idSchema });

export const setAutoRenewInput = z.object({ purchaseId: idSchema, autoRenew: z.boolean() });

/** An ISO 3166-1 alpha-2 code; lower case is accepted and upper-cased. */
export const roamingInput = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "A two-letter country code")
    .transform((code) => code.toUpperCase()),
});
