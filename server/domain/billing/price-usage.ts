/** What a tariff charges: the fee, and the allowances with their overage prices (null = unlimited). */
export type TariffPrice = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  monthlyFeeCents: number;
  minutes: number | null;
  sms: number | null;
  dataMb: number | null;
  minuteCents: number;
  smsCents: number;
  /** Per started 100 MB. */
  dataBlockCents: number;
};

export type Usage = { minutes: number; sms: number; dataMb: number };

export const DATA_BLOCK_MB = 100;

export type Overage = {
  minutes: number;
  sms: number;
  /** Started 100 MB blocks above the allowance. */
  dataBlocks: number;
  minutesCents: number;
  smsCents: number;
  dataCents: number;
  totalCents: number;
};

function over(used: number, included: number | null): number {
  return included === null ? 0 : Math.max(0, used - included);
}

/**
 * Usage above a tariff's allowances and its price. `share` scales the allowances for part of a
 * cycle (a line activated or changed mid-cycle gets that part of its allowance).
 */
export function priceOverage(tariff: TariffPrice, usage: Usage, share = 1): Overage {
  const scale = (included: number | null) => (included === null ? null : Math.round(included * share));
  const minutes = tariff.minuteCents > 0 ? over(usage.minutes, scale(tariff.minutes)) : 0;
  const sms = tariff.smsCents > 0 ? over(usage.sms, scale(tariff.sms)) : 0;
  const dataBlocks =
    tariff.dataBlockCents > 0 ? Math.ceil(over(usage.dataMb, scale(tariff.dataMb)) / DATA_BLOCK_MB) : 0;
  const minutesCents = minutes * tariff.minuteCents;
  const smsCents = sms * tariff.smsCents;
  const dataCents = dataBlocks * tariff.dataBlockCents;
  return {
    minutes,
    sms,
    dataBlocks,
    minutesCents,
    smsCents,
    dataCents,
    totalCents: minutesCents + smsCents + dataCents,
  };
}

/** A month of usage on a tariff: its fee plus the overage. */
export function priceMonth(
  tariff: TariffPrice,
  usage: Usage,
): { feeCents: number; overageCents: number; totalCents: number } {
  const overage = priceOverage(tariff, usage);
  return {
    feeCents: tariff.monthlyFeeCents,
    overageCents: overage.totalCents,
    totalCents: tariff.monthlyFeeCents + overage.totalCents,
  };
}
