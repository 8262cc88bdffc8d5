import { describe, expect, it } from "vitest";
import { poolNumbers, POOL_SIZE, isNiceNumber } from "./number-pool";
import { accountNumberFor, msisdnFor } from "./people";

describe("generated identifiers", () => {
  it("gives 100 000 customers distinct 10-digit account numbers", () => {
    const numbers = new Set(Array.from({ length: 100_000 }, (_, i) => accountNumberFor(i + 1)));
    expect(numbers.size).toBe(100_000);
    expect([...numbers].filter((number) => !/^\d{10}$/.test(number))).toEqual([]);
  });

  it("gives every line a distinct +79 number clear of the demo numbers and the +7999 pool", () => {
    const msisdns = new Set<string>();
    for (let customer = 1; customer <= 50_000; customer++)
      for (let line = 1; line <= 4; line++) msisdns.add(msisdnFor(customer, line));
    expect(msisdns.size).toBe(200_000);
    const misplaced = [...msisdns].filter(
      (msisdn) => !/^\+79\d{9}$/.test(msisdn) || msisdn.startsWith("+7999") || msisdn.startsWith("+7900100"),
    );
    expect(misplaced).toEqual([]);
  });
});

describe("number pool", () => {
  it("holds 3000 distinct free +7999 numbers, some of them nice", () => {
    const numbers = poolNumbers();
    expect(new Set(numbers).size).toBe(POOL_SIZE);
    expect(numbers.every((msisdn) => /^\+7999\d{7}$/.test(msisdn))).toBe(true);
    expect(numbers.filter(isNiceNumber).length).toBeGreaterThanOrEqual(90);
  });

  it("calls a repeated or two-digit tail nice", () => {
    expect(isNiceNumber("+79991117777")).toBe(true);
    expect(isNiceNumber("+79995551515")).toBe(true);
    expect(isNiceNumber("+79991234567")).toBe(false);
  });
});
