import type { Role } from "@prisma/client";

export type AdjustmentDecision = "APPLY" | "NEEDS_APPROVAL";

/**
 * Whether an agent's bill adjustment goes through at once or waits for a supervisor. The limit
 * (`agentCreditLimitCents` of the routing policy) caps the total an agent may move on one bill
 * without approval, so splitting a large credit into small ones does not get around it.
 * Supervisors approve adjustments, so theirs apply at once.
 */
export function decideAdjustment(input: {
  amountCents: number;
  /** Adjustments already applied to this bill without a supervisor's approval. */
  unapprovedAppliedCents: number;
  limitCents: number;
  role: Role;
}): { decision: AdjustmentDecision; reason: string } {
  if (input.role === "ADMIN") return { decision: "APPLY", reason: "Made by a supervisor" };
  const total = Math.abs(input.amountCents) + Math.abs(input.unapprovedAppliedCents);
  if (total <= input.limitCents)
    return { decision: "APPLY", reason: `Within the agent limit of ${input.limitCents} kopecks` };
  return {
    decision: "NEEDS_APPROVAL",
    reason:
      input.unapprovedAppliedCents === 0
        ? `Above the agent limit of ${input.limitCents} kopecks: needs a supervisor's approval`
        : `With ${Math.abs(input.unapprovedAppliedCents)} kopecks already adjusted on this bill, above the agent limit of ${input.limitCents} kopecks: needs a supervisor's approval`,
  };
}

/** Why an adjustment cannot be made to a bill in this state, or null when it can. */
export function adjustmentError(bill: { status: string; totalCents: number }, amountCents: number): string | null {
  if (bill.status === "CANCELLED") return "A cancelled bill cannot be adjusted";
  if (amountCents === 0) return "The amount cannot be zero";
  if (bill.totalCents + amountCents < 0) return "A credit cannot exceed the bill total";
  return null;
}
