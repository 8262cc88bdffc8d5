import { describe, expect, it } from "vitest";
import { composeBill, tariffAtStart, type LineToBill } from "./compose-bill";
import type { TariffPrice } from "./price-usage";

const tariff = (id: string, fee: number, minutes: number | null, dataMb: number | null): TariffPrice => ({
  id,
  code: id,
  name: id,
  nameEn: id,
  monthlyFeeCents: fee,
  minutes,
  sms: 100,
  dataMb,
  minuteCents: 200,
  smsCents: 200,
  dataBlockCents: 1_200,
});
const smart = tariff("Smart", 55_000, 500, 15_360);
const plus = tariff("Plus", 75_000, 800, 30_720);

const november = { start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z") };

function days(from: string, count: number, usage: { minutes: number; sms: number; dataMb: number }) {
  const start = new Date(`${from}T00:00:00Z`).getTime();
  return Array.from({ length: count }, (_, i) => ({ date: new Date(start + i * 86_400_000), ...usage }));
}

const line = (override: Partial<LineToBill> = {}): LineToBill => ({
  id: "l1",
  msisdn: "+79001000001",
  activatedAt: new Date("2024-01-01T00:00:00Z"),
  currentTariff: smart,
  changes: [],
  dailyUsage: days("2026-11-01", 30, { minutes: 10, sms: 1, dataMb: 300 }),
  ...override,
});

function summary(bill: ReturnType<typeof composeBill>) {
  return bill.items.map((item) => [item.kind, item.amountCents]);
}

describe("composeBill", () => {
  it.each<[string, LineToBill[], (string | number)[][], number]>([
    [
      "a full month within the allowance",
      [line()],
      [
        ["SUBSCRIPTION", 55_000],
        ["TAX", 11_000],
      ],
      66_000,
    ],
    [
      "600 MB a day is 18 000 MB: 2 640 MB over the 15 360 included, 27 started blocks",
      [line({ dailyUsage: days("2026-11-01", 30, { minutes: 0, sms: 0, dataMb: 600 }) })],
      [
        ["SUBSCRIPTION", 55_000],
        ["OVERAGE", 27 * 1_200],
        ["TAX", taxOf(55_000 + 27 * 1_200)],
      ],
      55_000 + 27 * 1_200 + taxOf(55_000 + 27 * 1_200),
    ],
    [
      "activated on the 16th: 15 of 30 days of the fee and of the allowance",
      [
        line({
          activatedAt: new Date("2026-11-16T14:00:00Z"),
          dailyUsage: days("2026-11-16", 15, { minutes: 20, sms: 0, dataMb: 0 }),
        }),
      ],
      // 300 minutes used, 250 included for half the cycle.
      [
        ["PRORATION", 27_500],
        ["OVERAGE", 50 * 200],
        ["TAX", taxOf(37_500)],
      ],
      37_500 + taxOf(37_500),
    ],
    [
      "an immediate change on the 11th: old fee, credit and charge for 20 days",
      [
        line({
          currentTariff: plus,
          changes: [
            {
              effective: "IMMEDIATE",
              effectiveAt: new Date("2026-11-11T09:00:00Z"),
              from: smart,
              to: plus,
              creditCents: 36_667,
              chargeCents: 50_000,
            },
          ],
        }),
      ],
      [
        ["SUBSCRIPTION", 55_000],
        ["PRORATION", -36_667],
        ["PRORATION", 50_000],
        ["TAX", taxOf(68_333)],
      ],
      68_333 + taxOf(68_333),
    ],
    [
      "a scheduled change that took effect at the period start bills the new tariff in full",
      [
        line({
          currentTariff: plus,
          changes: [
            {
              effective: "NEXT_CYCLE",
              effectiveAt: november.start,
              from: smart,
              to: plus,
              creditCents: 0,
              chargeCents: 0,
            },
          ],
        }),
      ],
      [
        ["SUBSCRIPTION", 75_000],
        ["TAX", 15_000],
      ],
      90_000,
    ],
    [
      "a scheduled change at the period end leaves this period on the old tariff",
      [
        line({
          currentTariff: plus,
          changes: [
            {
              effective: "NEXT_CYCLE",
              effectiveAt: november.end,
              from: smart,
              to: plus,
              creditCents: 0,
              chargeCents: 0,
            },
          ],
        }),
      ],
      [
        ["SUBSCRIPTION", 55_000],
        ["TAX", 11_000],
      ],
      66_000,
    ],
    [
      "an immediate change on the day of the bill run belongs to the next cycle: this period stays on the old tariff",
      [
        line({
          currentTariff: plus,
          changes: [
            {
              effective: "IMMEDIATE",
              effectiveAt: new Date("2026-12-01T09:00:00Z"),
              from: smart,
              to: plus,
              creditCents: 55_000,
              chargeCents: 75_000,
            },
          ],
        }),
      ],
      [
        ["SUBSCRIPTION", 55_000],
        ["TAX", 11_000],
      ],
      66_000,
    ],
    [
      "a line activated after the period is not billed",
      [line({ activatedAt: new Date("2026-12-03T00:00:00Z") })],
      [["TAX", 0]],
      0,
    ],
  ])("%s", (_name, lines, expected, total) => {
    const bill = composeBill({ period: november, lines, taxRateBps: 2000, locale: "ru" });
    expect(summary(bill)).toEqual(expected);
    expect(bill.totalCents).toBe(total);
    expect(bill.items.reduce((sum, item) => sum + item.amountCents, 0)).toBe(bill.totalCents);
    expect(bill.totalCents).toBe(bill.subtotalCents + bill.taxCents);
  });

  it("labels lines by number when there are several, in the customer's language", () => {
    const home: LineToBill = line({
      id: "l2",
      msisdn: null,
      currentTariff: tariff("Home", 50_000, 0, null),
      dailyUsage: [],
    });
    const bill = composeBill({ period: november, lines: [line(), home], taxRateBps: 2000, locale: "en" });
    expect(bill.items.map((item) => item.description)).toEqual([
      "Monthly fee, Smart tariff (+7 900 100-00-01)",
      "Monthly fee, Home tariff (home internet)",
      "VAT 20%",
    ]);
  });

  it("splits the allowance between tariff segments", () => {
    // 20 min/day: 200 minutes in the 10 days on Smart (166 included), 400 in 20 days on Plus (533 included).
    const bill = composeBill({
      period: november,
      lines: [
        line({
          currentTariff: plus,
          dailyUsage: days("2026-11-01", 30, { minutes: 20, sms: 0, dataMb: 0 }),
          changes: [
            {
              effective: "IMMEDIATE",
              effectiveAt: new Date("2026-11-11T09:00:00Z"),
              from: smart,
              to: plus,
              creditCents: 36_667,
              chargeCents: 50_000,
            },
          ],
        }),
      ],
      taxRateBps: 2000,
      locale: "ru",
    });
    expect(bill.items.find((item) => item.kind === "OVERAGE")).toMatchObject({
      quantity: 200 - 167,
      amountCents: 33 * 200,
    });
  });
});

describe("tariffAtStart", () => {
  it("walks back from the current tariff through later changes", () => {
    const change = {
      effective: "IMMEDIATE" as const,
      effectiveAt: new Date("2026-11-20T00:00:00Z"),
      from: smart,
      to: plus,
      creditCents: 0,
      chargeCents: 0,
    };
    expect(tariffAtStart({ currentTariff: plus, changes: [change] }, november).id).toBe("Smart");
    expect(tariffAtStart({ currentTariff: plus, changes: [] }, november).id).toBe("Plus");
  });
});

function taxOf(subtotal: number): number {
  return Math.round(subtotal * 0.2);
}
