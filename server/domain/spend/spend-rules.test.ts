import { describe, expect, it } from "vitest";
import { checkPurchaseAgainstCap, decideSpend, spendLeftCents } from "./spend-rules";

describe("decideSpend", () => {
  it.each([
    // limit, spent, already sent, send, record, forget, bar
    [null, 0, [], null, [], [], false],
    [null, 50_000, [], null, [], [], false],
    [null, 50_000, [80, 100], null, [], [80, 100], false],
    [10_000, 0, [], null, [], [], false],
    [10_000, 7_999, [], null, [], [], false],
    [10_000, 8_000, [], 80, [80], [], false],
    [10_000, 8_000, [80], null, [], [], false],
    [10_000, 9_999, [80], null, [], [], false],
    [10_000, 10_000, [80], 100, [100], [], true],
    [10_000, 10_000, [80, 100], null, [], [], true],
    [10_000, 12_000, [], 100, [80, 100], [], true],
    // the cap lowered below the spend: 100% at once
    [5_000, 6_000, [80], 100, [100], [], true],
    // the cap raised above the spend: the bar lifts, the 100% alert may go again
    [20_000, 10_000, [80, 100], null, [], [80, 100], false],
    [12_000, 10_000, [80, 100], null, [], [100], false],
    // a cap of 0: every extra is barred; an alert once something is spent
    [0, 0, [], null, [], [], true],
    [0, 1, [], 100, [80, 100], [], true],
    // 80% of an odd cap: 80 of 101 is not yet 80%, 81 is
    [101, 80, [], null, [], [], false],
    [101, 81, [], 80, [80], [], false],
  ] as const)(
    "cap %s, spent %i, sent %j: send %s, record %j, forget %j, bar %s",
    (limit, spent, sent, send, record, forget, bar) => {
      expect(decideSpend({ limitCents: limit, spentCents: spent, sent })).toEqual({ send, record, forget, bar });
    },
  );
});

describe("checkPurchaseAgainstCap", () => {
  it.each([
    // limit, spent, price, allowed, reason, left
    [null, 90_000, 50_000, true, undefined, undefined],
    [10_000, 0, 10_000, true, undefined, undefined],
    [10_000, 5_000, 5_000, true, undefined, undefined],
    [10_000, 5_000, 5_001, false, "OVER_CAP", 5_000],
    [10_000, 10_000, 1, false, "CAP_REACHED", 0],
    [10_000, 12_000, 100, false, "CAP_REACHED", 0],
    [0, 0, 100, false, "CAP_REACHED", 0],
  ] as const)("cap %s, spent %i, price %i: allowed %s (%s, %s left)", (limit, spent, price, allowed, reason, left) => {
    const check = checkPurchaseAgainstCap({ limitCents: limit, spentCents: spent, priceCents: price });
    expect(check.allowed).toBe(allowed);
    if (!check.allowed) expect(check).toEqual({ allowed, reason, leftCents: left });
  });
});

describe("spendLeftCents", () => {
  it.each([
    [null, 100, null],
    [1_000, 300, 700],
    [1_000, 1_500, 0],
  ] as const)("cap %s, spent %i: %s left", (limit, spent, left) => {
    expect(spendLeftCents(limit, spent)).toBe(left);
  });
});
