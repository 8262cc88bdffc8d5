import "server-only";
import { z } from "zod";
import type { Database } from "../../db/client";
import { localeOrDefault } from "../../i18n/locales";
import { DEFAULT_BILLING_SETTINGS, type BillingSettings } from "./bill-math";

type Reader = Pick<Database, "setting">;

const billingSettingsSchema = z.object({
  taxRateBps: z.number().int().min(0).max(10_000),
  currency: z.string().length(3),
  paymentTermDays: z.number().int().min(0).max(90),
});

const operatorSchema = z.object({
  legalName: z.string(),
  legalNameEn: z.string().optional(),
  brand: z.string().optional(),
  inn: z.string().optional(),
  kpp: z.string().optional(),
  ogrn: z.string().optional(),
  address: z.string().optional(),
  addressEn: z.string().optional(),
  supportPhone: z.string().optional(),
  supportEmail: z.string().optional(),
  website: z.string().optional(),
  bank: z
    .object({ name: z.string(), bik: z.string(), account: z.string(), correspondentAccount: z.string() })
    .partial()
    .optional(),
  licence: z.string().optional(),
});

export type OperatorDetails = z.infer<typeof operatorSchema>;

/** The operator's name and address as printed for a reader of `locale` (the Russian ones when there is no English). */
export function operatorIn(operator: OperatorDetails, locale: string | null | undefined) {
  const isEnglish = localeOrDefault(locale) === "en";
  return {
    legalName: (isEnglish ? operator.legalNameEn : undefined) ?? operator.legalName,
    address: (isEnglish ? operator.addressEn : undefined) ?? operator.address,
  };
}

/** Tax rate, currency and payment term from the "billing" setting; defaults when it is missing or malformed. */
export async function getBillingSettings(db: Reader): Promise<BillingSettings> {
  const row = await db.setting.findUnique({ where: { key: "billing" } });
  const parsed = billingSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_BILLING_SETTINGS;
}

/** The operator's legal details printed on documents (the "operator" setting). */
export async function getOperatorDetails(db: Reader): Promise<OperatorDetails> {
  const row = await db.setting.findUnique({ where: { key: "operator" } });
  const parsed = operatorSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { legalName: "Selfcare", legalNameEn: "Selfcare" };
}
