/** Tax on a subtotal in minor units; `rateBps` is basis points (2000 = 20%). Half rounds away from zero. */
export function taxOn(subtotalCents: number, rateBps: number): number {
  const exact = (subtotalCents * rateBps) / 10_000;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}

/** Operator billing configuration, kept in the `Setting` table under "billing". */
export type BillingSettings = { taxRateBps: number; currency: string; paymentTermDays: number };

export const DEFAULT_BILLING_SETTINGS: BillingSettings = { taxRateBps: 2000, currency: "RUB", paymentTermDays: 14 };
