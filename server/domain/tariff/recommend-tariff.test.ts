import { describe, expect, it } from "vitest";
import type { TariffPrice } from "../billing/price-usage";
import { priceOverage } from "../billing/price-usage";
import { recommendTariff } from "./recommend-tariff";

const tariff = (
  id: string,
  fee: number,
  minutes: number | null,
  sms: number | null,
  dataMb: number | null,
  minuteCents = 200,
  smsCents = 200,
  dataBlockCents = 1_200,
): TariffPrice => ({
  id,
  code: id.toUpperCase(),
  name: id,
  nameEn: id,
  monthlyFeeCents: fee,
  minutes,
  sms,
  dataMb,
  minuteCents,
  smsCents,
  dataBlockCents,
});

const start = tariff("start", 35_000, 200, 50, 5_120, 250, 200, 1_500);
const smart = tariff("smart", 55_000, 500, 100, 15_360);
const smartPlus = tariff("smartPlus", 75_000, 800, 300, 30_720, 200, 150, 1_000);
const unlimited = tariff("unlimited", 110_000, 1_500, 500, null, 150, 150, 0);

describe("priceOverage", () => {
  it.each([
    ["within the allowance", smart, { minutes: 500, sms: 100, dataMb: 15_360 }, 1, 0],
    ["one minute over", smart, { minutes: 501, sms: 0, dataMb: 0 }, 1, 200],
    ["1 MB over starts a 100 MB block", smart, { minutes: 0, sms: 0, dataMb: 15_361 }, 1, 1_200],
    ["101 MB over is two blocks", smart, { minutes: 0, sms: 0, dataMb: 15_461 }, 1, 2_400],
    ["unlimited data never overage", unlimited, { minutes: 0, sms: 0, dataMb: 900_000 }, 1, 0],
    ["half a cycle halves the allowance", smart, { minutes: 300, sms: 0, dataMb: 0 }, 0.5, 50 * 200],
    ["everything over", start, { minutes: 210, sms: 60, dataMb: 5_220 }, 1, 10 * 250 + 10 * 200 + 1_500],
  ] as const)("%s", (_name, t, usage, share, cents) => {
    expect(priceOverage(t, usage, share).totalCents).toBe(cents);
  });
});

describe("recommendTariff", () => {
  it("recommends the cheaper tariff that still covers a light user, with the monthly saving", () => {
    const months = [
      { minutes: 150, sms: 20, dataMb: 3_000 },
      { minutes: 180, sms: 30, dataMb: 4_000 },
      { minutes: 120, sms: 10, dataMb: 2_500 },
    ];
    const result = recommendTariff(smartPlus, [start, smart, unlimited], months);
    expect(result.current.monthlyCostCents).toBe(75_000);
    expect(result.best?.tariffId).toBe("start");
    expect(result.best?.monthlySavingsCents).toBe(40_000);
  });

  it("prices overage in: a heavy user on a small tariff is better off on a bigger one", () => {
    const months = [{ minutes: 700, sms: 100, dataMb: 20_000 }];
    const result = recommendTariff(start, [smart, smartPlus, unlimited], months);
    // start: 35 000 + 500 min × 250 + 50 × 200 + 149 blocks × 1 500 = 393 500
    expect(result.current.monthlyCostCents).toBe(393_500);
    expect(result.best?.tariffId).toBe("smartPlus");
    expect(result.best?.monthlySavingsCents).toBe(393_500 - 75_000);
  });

  it("averages the months", () => {
    const months = [
      { minutes: 600, sms: 0, dataMb: 0 },
      { minutes: 400, sms: 0, dataMb: 0 },
    ];
    const result = recommendTariff(smart, [smartPlus], months);
    expect(result.current.monthlyCostCents).toBe(55_000 + 10_000); // (20 000 + 0) / 2 overage
    expect(result.current.months.map((m) => m.overageCents)).toEqual([20_000, 0]);
  });

  it("recommends nothing when staying is cheapest", () => {
    const result = recommendTariff(start, [smart, smartPlus], [{ minutes: 100, sms: 10, dataMb: 1_000 }]);
    expect(result.best).toBeNull();
    expect(result.options.every((option) => option.monthlySavingsCents < 0)).toBe(true);
  });

  it("recommends nothing without usage to price", () => {
    expect(recommendTariff(smartPlus, [start], []).best).toBeNull();
  });
});
