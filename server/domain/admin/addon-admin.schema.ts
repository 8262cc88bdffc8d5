import { z } from "zod";
import { idempotencyKeySchema, idSchema, safeText } from "../input.schema";

const allowance = z.number().int().min(1).max(10_000_000).nullable();
export const ADDON_ID = /^add_[a-z0-9_]{2,40}$/;

export const addonFieldsSchema = z.object({
  kind: z.enum(["DATA", "MINUTES", "ROAMING"]),
  name: safeText({ min: 2, max: 80, tooShort: "At least 2 characters" }),
  nameEn: safeText({ min: 2, max: 80, tooShort: "At least 2 characters" }),
  description: safeText({ max: 1000 }),
  descriptionEn: safeText({ max: 1000 }),
  priceCents: z.number().int().min(0).max(10_000_000),
  dataMb: allowance,
  minutes: allowance,
  validityDays: z.number().int().min(1).max(366),
  /** ROAMING only. */
  zoneId: idSchema.nullable(),
  /** Empty: every mobile tariff. */
  eligibleTariffIds: z
    .array(idSchema)
    .max(50)
    .refine((list) => new Set(list).size === list.length, "Each tariff once"),
  renewal: z.enum(["ONE_OFF", "MONTHLY"]),
});

export const createAddonInput = addonFieldsSchema.extend({
  id: z.string().trim().toLowerCase().regex(ADDON_ID, "add_ and 2–40 Latin lower-case letters, digits or _"),
  idempotencyKey: idempotencyKeySchema,
});
export const updateAddonInput = addonFieldsSchema.partial().extend({ id: idSchema });
export const addonIdInput = z.object({ id: idSchema });

export type AddonFields = z.infer<typeof addonFieldsSchema>;
export type CreateAddonInput = z.infer<typeof createAddonInput>;
export type UpdateAddonInput = z.infer<typeof updateAddonInput>;
