import { describe, expect, it } from "vitest";
import { decideCredit, type DocumentHistory } from "./credit-decision";
import { creditPolicySchema, DEFAULT_CREDIT_POLICY } from "./credit-policy.schema";

const clean: DocumentHistory = { debtCents: 0, overdueBills: 0, openAccounts: 0, isHolderMismatch: false };

describe("decideCredit with the default policy", () => {
  it.each([
    // age, monthly fee, deposit, credit limit
    [18, 35_000, 35_000, 0],
    [20, 110_000, 110_000, 0],
    [21, 55_000, 27_500, 20_000],
    [24, 45_000, 22_500, 20_000],
    [21, 110_000, 110_000, 50_000],
    [25, 55_000, 0, 50_000],
    [70, 75_000, 0, 50_000],
    [40, 110_000, 110_000, 50_000],
  ])("age %i, fee %i → deposit %i, limit %i", (age, fee, deposit, limit) => {
    const decision = decideCredit({ age, monthlyFeeCents: fee, history: clean, policy: DEFAULT_CREDIT_POLICY });
    expect(decision).toMatchObject({ approved: true, refusals: [], depositCents: deposit, creditLimitCents: limit });
  });

  it.each([
    [{ debtCents: 1 }, ["UNPAID_DEBT"]],
    [{ overdueBills: 2, debtCents: 90_000 }, ["UNPAID_DEBT", "OVERDUE_BILLS"]],
    [{ openAccounts: 5 }, ["TOO_MANY_ACCOUNTS"]],
    [{ openAccounts: 4 }, []],
    [{ isHolderMismatch: true }, ["DOCUMENT_HOLDER_MISMATCH"]],
    [{ debtCents: -5_000 }, []], // credit on an earlier account is no debt
  ])("history %j → refusals %j", (history, refusals) => {
    const decision = decideCredit({
      age: 30,
      monthlyFeeCents: 55_000,
      history: { ...clean, ...history },
      policy: DEFAULT_CREDIT_POLICY,
    });
    expect(decision.refusals).toEqual(refusals);
    expect(decision.approved).toBe(refusals.length === 0);
    expect(decision.reasons).toHaveLength(refusals.length);
  });

  it("tolerates a small debt when the policy allows it", () => {
    const policy = { ...DEFAULT_CREDIT_POLICY, maxDebtCents: 10_000 };
    expect(
      decideCredit({ age: 30, monthlyFeeCents: 55_000, history: { ...clean, debtCents: 10_000 }, policy }).approved,
    ).toBe(true);
    expect(
      decideCredit({ age: 30, monthlyFeeCents: 55_000, history: { ...clean, debtCents: 10_001 }, policy }).approved,
    ).toBe(false);
  });
});

describe("creditPolicySchema", () => {
  it("accepts the default policy", () => {
    expect(creditPolicySchema.safeParse(DEFAULT_CREDIT_POLICY).success).toBe(true);
  });

  it.each([
    [
      "a gap in ages",
      [{ minAge: 18, ageBelow: 30, minMonthlyFeeCents: 0, depositPercentOfFee: 0, creditLimitCents: 0 }],
    ],
    [
      "only expensive tariffs covered",
      [{ minAge: 18, ageBelow: null, minMonthlyFeeCents: 1, depositPercentOfFee: 0, creditLimitCents: 0 }],
    ],
    [
      "an empty band",
      [{ minAge: 30, ageBelow: 30, minMonthlyFeeCents: 0, depositPercentOfFee: 0, creditLimitCents: 0 }],
    ],
    [
      "a negative limit",
      [{ minAge: 18, ageBelow: null, minMonthlyFeeCents: 0, depositPercentOfFee: 0, creditLimitCents: -1 }],
    ],
  ])("refuses %s", (_label, rules) => {
    expect(creditPolicySchema.safeParse({ ...DEFAULT_CREDIT_POLICY, rules }).success).toBe(false);
  });
});
