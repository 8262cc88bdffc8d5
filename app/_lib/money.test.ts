import { describe, expect, it } from "vitest";
import { createTariffInput } from "@/server/domain/admin/admin.schema";
import { adjustBillInputSchema } from "@/server/domain/agent/agent.schema";
import { payBillInput } from "@/server/domain/billing/billing.schema";
import { creditPolicySchema, DEFAULT_CREDIT_POLICY } from "@/server/domain/partner/credit-policy.schema";
import { createRequestInput } from "@/server/domain/request/request.schema";
import { formatMoney, formatMoneyInput, MAX_AMOUNT_CENTS, parseMoney, readMoney, type MoneyReading } from "./money";

// Intl separates groups and the currency sign with (narrow) no-break spaces.
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("readMoney: what a person types", () => {
  it.each<[string, number]>([
    ["150", 15_000],
    ["0", 0],
    ["007", 700],
    ["1234.5", 123_450],
    ["1234,5", 123_450],
    ["150.05", 15_005],
    ["0,05", 5],
    ["0,01", 1],
    ["1234,", 123_400],
    ["1234.", 123_400],
    [",5", 50],
    [".75", 75],
    ["1 234", 123_400],
    ["1 234,50", 123_450],
    ["1 234 567,89", 123_456_789],
    ["1\u00a0234,50", 123_450], // no-break space, as copied from a page
    ["1\u202f234,50", 123_450], // narrow no-break space (Intl's Russian grouping)
    ["1\u2009234,50", 123_450], // thin space
    ["1,234.50", 123_450], // the English way: comma groups, point is decimal
    ["1.234,50", 123_450], // the German way
    ["1,234,567.89", 123_456_789],
    ["  150  ", 15_000],
    ["₽ 12", 1_200],
    ["₽12", 1_200],
    ["12 ₽", 1_200],
    ["12₽", 1_200],
    ["12 руб.", 1_200],
    ["12 руб", 1_200],
    ["12 р.", 1_200],
    ["12 RUB", 1_200],
    ["1 234,50 ₽", 123_450], // formatMoney's own Russian output, pasted back
    ["₽1,234.50", 123_450], // and its English output
    ["10 000 000", MAX_AMOUNT_CENTS],
    ["10000000,00", MAX_AMOUNT_CENTS],
  ])("%j is %i kopecks", (text, cents) => {
    expect(readMoney(text)).toEqual({ ok: true, cents });
    expect(parseMoney(text)).toBe(cents);
  });

  it.each<[string, Extract<MoneyReading, { ok: false }>["reason"]]>([
    ["", "empty"],
    ["   ", "empty"],
    ["₽", "empty"],
    [",", "invalid"],
    [".", "invalid"],
    ["-", "invalid"],
    ["abc", "invalid"],
    ["12abc", "invalid"],
    ["1e3", "invalid"],
    ["0x10", "invalid"],
    ["+5", "invalid"],
    ["$12", "invalid"],
    ["12 USD", "invalid"],
    ["12 34", "invalid"], // spaces group thousands only
    ["1234 567", "invalid"],
    ["1,2,3", "invalid"],
    ["1,234,567", "invalid"], // a comma used twice without a decimal point
    ["1 234 ,50", "invalid"],
    ["12, 50", "invalid"],
    ["1,234", "tooManyDecimals"], // three decimals, not a thousand
    ["12.345", "tooManyDecimals"],
    ["0,005", "tooManyDecimals"],
    ["-5", "negative"],
    ["−5", "negative"], // U+2212, the minus sign Intl writes
    ["10 000 000,01", "tooLarge"],
    ["100000000", "tooLarge"],
    ["99999999999999999999", "tooLarge"],
  ])("%j is refused as %s", (text, reason) => {
    expect(readMoney(text)).toEqual({ ok: false, reason });
    expect(parseMoney(text)).toBeNull();
  });

  it.each<[string, number]>([
    ["-5", -500],
    ["- 5", -500],
    ["−1 234,50", -123_450],
    ["-1 234,50 ₽", -123_450], // formatMoney's negative Russian output
    ["-₽1,234.50", -123_450], // and English
    ["₽ -12", -1_200],
    ["-0,05", -5],
    ["150", 15_000],
    ["-10 000 000", -MAX_AMOUNT_CENTS],
  ])("with a minus allowed, %j is %i kopecks", (text, cents) => {
    expect(parseMoney(text, { allowNegative: true })).toBe(cents);
  });

  it("keeps the limit for negative amounts too", () => {
    expect(readMoney("-10 000 000,01", { allowNegative: true })).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("never loses a kopeck to floating point", () => {
    // 0.29 * 100 is 28.999999999999996 in floating point; 1.15 * 100 is 114.99999999999999.
    expect(parseMoney("0,29")).toBe(29);
    expect(parseMoney("1.15")).toBe(115);
    expect(parseMoney("9 999 999,99")).toBe(999_999_999);
  });

  it("reads back every amount it formats, in both languages", () => {
    for (const cents of [0, 1, 29, 115, 15_005, 123_450, 999_999_999, MAX_AMOUNT_CENTS]) {
      for (const locale of ["ru", "en"]) {
        expect(parseMoney(formatMoney(cents, "RUB", locale))).toBe(cents);
        expect(parseMoney(formatMoneyInput(cents, locale))).toBe(cents);
        const credit = 0 - cents; // not -0
        expect(parseMoney(formatMoney(credit, "RUB", locale), { allowNegative: true })).toBe(credit);
      }
    }
  });
});

describe("MAX_AMOUNT_CENTS", () => {
  // The parser must never refuse what a server schema would take; each schema keeps its own limit.
  // (The routing policy's thresholds have no upper bound; its form is held to this one.)
  it.each([
    ["a payment", (cents: number) => payBillInput.shape.amountCents.safeParse(cents).success],
    ["a bill adjustment", (cents: number) => adjustBillInputSchema.shape.amountCents.safeParse(cents).success],
    ["a credit to a bill", (cents: number) => adjustBillInputSchema.shape.amountCents.safeParse(-cents).success],
    ["a disputed amount", (cents: number) => createRequestInput.shape.disputedAmountCents.safeParse(cents).success],
    ["a tariff fee", (cents: number) => createTariffInput.shape.monthlyFeeCents.safeParse(cents).success],
    [
      "a credit policy amount",
      (cents: number) => creditPolicySchema.safeParse({ ...DEFAULT_CREDIT_POLICY, maxDebtCents: cents }).success,
    ],
  ])("is at least the most %s may be", (_name, accepts) => {
    expect(accepts(MAX_AMOUNT_CENTS + 1)).toBe(false);
  });

  it("is exactly the widest of them (a disputed amount)", () => {
    expect(createRequestInput.shape.disputedAmountCents.safeParse(MAX_AMOUNT_CENTS).success).toBe(true);
  });
});

describe("formatMoney", () => {
  it.each([
    [123456, "RUB", "ru", "1 234,56 ₽"],
    [-50, "RUB", "ru", "-0,50 ₽"],
    [0, "RUB", "ru", "0,00 ₽"],
    [100_000_000_000, "RUB", "ru", "1 000 000 000,00 ₽"],
    [123456, "RUB", "en", "₽1,234.56"],
    [-123456, "RUB", "en", "-₽1,234.56"],
    [99, "USD", "en", "$0.99"],
    [29, "RUB", "en", "₽0.29"],
  ])("%i %s in %s is %s", (cents, currency, locale, expected) => {
    expect(plainSpaces(formatMoney(cents, currency, locale))).toBe(expected);
  });

  it("refuses what is not a whole number of kopecks", () => {
    expect(() => formatMoney(10.5, "RUB", "ru")).toThrow(RangeError);
  });
});

describe("formatMoneyInput", () => {
  it.each([
    [150_000, "ru", "1500"],
    [150_050, "ru", "1500,50"],
    [150_050, "en", "1500.50"],
    [5, "ru", "0,05"],
    [900, "en", "9"],
    [-250, "ru", "-2,50"],
  ])("%i in %s is %j", (cents, locale, text) => {
    expect(formatMoneyInput(cents, locale)).toBe(text);
  });
});
