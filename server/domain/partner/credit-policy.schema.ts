import { z } from "zod";
import { boundedDate, idempotencyKeySchema } from "../input.schema";

const cents = z.number().int().min(0).max(100_000_000);
const age = z.number().int().min(18).max(150);

/**
 * One row of the credit policy: who it applies to (an age band and a minimum monthly fee of the
 * tariff) and what the subscriber gets: a first-month deposit (a share of the monthly fee) and a
 * credit limit (how far the balance may go into debt before the line is suspended).
 */
export const creditRuleSchema = z
  .object({
    minAge: age,
    /** Exclusive upper bound; null is no upper bound. */
    ageBelow: age.nullable(),
    minMonthlyFeeCents: cents,
    /** 100 is one monthly fee paid up front. */
    depositPercentOfFee: z.number().int().min(0).max(1200),
    creditLimitCents: cents,
  })
  .refine((rule) => rule.ageBelow === null || rule.ageBelow > rule.minAge, {
    message: "ageBelow must be above minAge",
    path: ["ageBelow"],
  });

/** The operator's credit policy, kept in the `Setting` row "creditPolicy". */
export const creditPolicySchema = z
  .object({
    /** Unpaid balance on earlier accounts of the same document above which a new contract is refused. */
    maxDebtCents: cents,
    /** Overdue bills on earlier accounts refuse a new contract, whatever the amount. */
    refuseWithOverdueBills: z.boolean(),
    /** Open (not closed) accounts one passport may hold. */
    maxAccountsPerDocument: z.number().int().min(1).max(50),
    /** The first rule that matches the subscriber's age and the tariff's fee applies. */
    rules: z.array(creditRuleSchema).min(1).max(50),
  })
  .superRefine((policy, ctx) => {
    // A rule matching a fee of 0 matches every fee, so covering fee 0 at every age covers everyone.
    for (let years = 18; years <= 120; years++) {
      const covered = policy.rules.some(
        (rule) =>
          rule.minMonthlyFeeCents === 0 && years >= rule.minAge && (rule.ageBelow === null || years < rule.ageBelow),
      );
      if (!covered) {
        ctx.addIssue({ code: "custom", path: ["rules"], message: `No rule for age ${years} on every tariff` });
        return;
      }
    }
  });

/** The supervisor's save: the whole policy, the version it was edited from (optimistic), and a key for retries. */
export const updateCreditPolicyInput = z.object({
  policy: creditPolicySchema,
  /** When the edited policy was saved (null: the defaults, never saved); a save in between is a CONFLICT. */
  baseUpdatedAt: boundedDate().nullable(),
  idempotencyKey: idempotencyKeySchema,
});

export type UpdateCreditPolicyInput = z.output<typeof updateCreditPolicyInput>;

export type CreditRule = z.infer<typeof creditRuleSchema>;
export type CreditPolicy = z.infer<typeof creditPolicySchema>;

export const CREDIT_POLICY_SETTING = "creditPolicy";

export const DEFAULT_CREDIT_POLICY: CreditPolicy = {
  maxDebtCents: 0,
  refuseWithOverdueBills: true,
  maxAccountsPerDocument: 5,
  rules: [
    // Young subscribers without a credit history prepay the first month and get no credit.
    { minAge: 18, ageBelow: 21, minMonthlyFeeCents: 0, depositPercentOfFee: 100, creditLimitCents: 0 },
    // Expensive tariffs: the first month up front, a modest limit.
    { minAge: 21, ageBelow: null, minMonthlyFeeCents: 100_000, depositPercentOfFee: 100, creditLimitCents: 50_000 },
    { minAge: 21, ageBelow: 25, minMonthlyFeeCents: 0, depositPercentOfFee: 50, creditLimitCents: 20_000 },
    { minAge: 25, ageBelow: null, minMonthlyFeeCents: 0, depositPercentOfFee: 0, creditLimitCents: 50_000 },
  ],
};

export type CreditRefusal = "UNPAID_DEBT" | "OVERDUE_BILLS" | "TOO_MANY_ACCOUNTS" | "DOCUMENT_HOLDER_MISMATCH";

/** English reasons the API answers; the UI translates the codes. */
export const CREDIT_REASONS: Record<CreditRefusal, string> = {
  UNPAID_DEBT: "Refused: an earlier account with this passport has unpaid debt; it must be paid first",
  OVERDUE_BILLS: "Refused: an earlier account with this passport has overdue bills",
  TOO_MANY_ACCOUNTS: "Refused: this passport already holds the maximum number of open accounts",
  DOCUMENT_HOLDER_MISMATCH: "Refused: this passport is registered to a person with another birth date",
};
