import { priceMonth, type TariffPrice, type Usage } from "../billing/price-usage";

export type PricedTariff = {
  tariffId: string;
  /** Average over the months priced: fee plus overage. */
  monthlyCostCents: number;
  monthlyOverageCents: number;
  /** Current cost minus this one; positive means cheaper than staying. */
  monthlySavingsCents: number;
  months: { costCents: number; overageCents: number }[];
};

export type Recommendation = {
  current: PricedTariff;
  options: PricedTariff[];
  /** The cheapest eligible tariff that saves money, if any. */
  best: PricedTariff | null;
};

function average(values: number[]): number {
  return values.length ? Math.round(values.reduce((sum, value) => sum + value, 0) / values.length) : 0;
}

function price(tariff: TariffPrice, months: Usage[], currentCost: number | null): PricedTariff {
  const priced = months.map((usage) => priceMonth(tariff, usage));
  const monthlyCostCents = average(priced.map((month) => month.totalCents));
  return {
    tariffId: tariff.id,
    monthlyCostCents,
    monthlyOverageCents: average(priced.map((month) => month.overageCents)),
    monthlySavingsCents: currentCost === null ? 0 : currentCost - monthlyCostCents,
    months: priced.map((month) => ({ costCents: month.totalCents, overageCents: month.overageCents })),
  };
}

/**
 * Prices the line's actual monthly usage on its current tariff and on every candidate, and picks
 * the one that would have cost least (ties go to the bigger allowance, i.e. the pricier fee).
 */
export function recommendTariff(current: TariffPrice, candidates: TariffPrice[], months: Usage[]): Recommendation {
  const currentPriced = price(current, months, null);
  const options = candidates
    .filter((tariff) => tariff.id !== current.id)
    .map((tariff) => price(tariff, months, currentPriced.monthlyCostCents))
    .sort((a, b) => a.monthlyCostCents - b.monthlyCostCents);
  const feeOf = new Map(candidates.map((tariff) => [tariff.id, tariff.monthlyFeeCents]));
  const cheapest = options[0];
  const tied = options.filter((option) => option.monthlyCostCents === cheapest?.monthlyCostCents);
  const best = tied.sort((a, b) => (feeOf.get(b.tariffId) ?? 0) - (feeOf.get(a.tariffId) ?? 0))[0] ?? null;
  return {
    current: currentPriced,
    options,
    best: best && best.monthlySavingsCents > 0 && months.length > 0 ? best : null,
  };
}
