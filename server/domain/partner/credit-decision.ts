import { CREDIT_REASONS, type CreditPolicy, type CreditRefusal, type CreditRule } from "./credit-policy.schema";

/** What the operator already knows about a passport: its earlier accounts. */
export type DocumentHistory = {
  /** Unpaid balance summed over the earlier accounts (positive is owed). */
  debtCents: number;
  overdueBills: number;
  openAccounts: number;
  /** An earlier account with this document has a different birth date: another person's passport, or a typo. */
  isHolderMismatch: boolean;
};

export type { CreditRefusal };

export type CreditDecision = {
  approved: boolean;
  refusals: CreditRefusal[];
  /** English sentences for API clients; the UI translates the codes. */
  reasons: string[];
  depositCents: number;
  creditLimitCents: number;
  rule: CreditRule | null;
};

export function findCreditRule(policy: CreditPolicy, age: number, monthlyFeeCents: number): CreditRule | null {
  return (
    policy.rules.find(
      (rule) =>
        age >= rule.minAge &&
        (rule.ageBelow === null || age < rule.ageBelow) &&
        monthlyFeeCents >= rule.minMonthlyFeeCents,
    ) ?? null
  );
}

/** The credit check of a new contract: refusals from the passport's history, terms from the policy's rules. */
export function decideCredit(input: {
  age: number;
  monthlyFeeCents: number;
  history: DocumentHistory;
  policy: CreditPolicy;
}): CreditDecision {
  const { age, monthlyFeeCents, history, policy } = input;
  const refusals: CreditRefusal[] = [];
  if (history.isHolderMismatch) refusals.push("DOCUMENT_HOLDER_MISMATCH");
  if (history.debtCents > policy.maxDebtCents) refusals.push("UNPAID_DEBT");
  if (policy.refuseWithOverdueBills && history.overdueBills > 0) refusals.push("OVERDUE_BILLS");
  if (history.openAccounts >= policy.maxAccountsPerDocument) refusals.push("TOO_MANY_ACCOUNTS");

  const rule = findCreditRule(policy, age, monthlyFeeCents);
  const depositCents = rule ? Math.round((monthlyFeeCents * rule.depositPercentOfFee) / 100) : 0;
  return {
    approved: refusals.length === 0 && rule !== null,
    refusals,
    reasons: refusals.map((code) => CREDIT_REASONS[code]),
    depositCents,
    creditLimitCents: rule?.creditLimitCents ?? 0,
    rule,
  };
}
