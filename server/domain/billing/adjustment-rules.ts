import type { Role } from "@prisma/client";

export type AdjustmentDecision = "APPLY" | "NEEDS_APPROVAL";

/** Credits already applied without a supervisor's approval in a period, and the policy's cap on them. */
export type CreditBudget = { creditedCents: number; limitCents: number };

/**
 * Whether an agent's bill adjustment goes through at once or waits for a supervisor. Three caps
 * from the routing policy, each on what was applied without a supervisor's approval:
 * - `agentCreditLimitCents`: the total an agent may move on one bill (credits and charges by
 *   size), so splitting a large credit into small ones does not get around it;
 * - `agentDailyCreditLimitCents`: the credits one agent gives in a calendar day, over all bills;
 * - `customerMonthlyCreditLimitCents`: the credits one customer receives in a calendar month,
 *   from all agents, so crediting every bill of a customer up to the per-bill cap does not either.
 * A charge (a positive amount) counts only against the per-bill cap. Supervisors approve
 * adjustments, so theirs apply at once.
 */
export function decideAdjustment(input: {
  amountCents: number;
  /** Adjustments already applied to this bill without a supervisor's approval. */
  unapprovedAppliedCents: number;
  limitCents: number;
  role: Role;
  /** Credits by this agent today (calendar day, operator's time zone). */
  agentDay?: CreditBudget;
  /** Credits to this bill's customer this calendar month, from every agent. */
  customerMonth?: CreditBudget;
}): { decision: AdjustmentDecision; reason: string } {
  if (input.role === "ADMIN") return { decision: "APPLY", reason: "Made by a supervisor" };
  const total = Math.abs(input.amountCents) + Math.abs(input.unapprovedAppliedCents);
  if (total > input.limitCents) {
    return {
      decision: "NEEDS_APPROVAL",
      reason:
        input.unapprovedAppliedCents === 0
          ? `Above the agent limit of ${input.limitCents} kopecks: needs a supervisor's approval`
          : `With ${Math.abs(input.unapprovedAppliedCents)} kopecks already adjusted on this bill, above the agent limit of ${input.limitCents} kopecks: needs a supervisor's approval`,
    };
  }
  const credit = input.amountCents < 0 ? -input.amountCents : 0;
  if (credit > 0 && input.agentDay && input.agentDay.creditedCents + credit > input.agentDay.limitCents) {
    return {
      decision: "NEEDS_APPROVAL",
      reason: `With ${input.agentDay.creditedCents} kopecks already credited by this agent today, above the daily limit of ${input.agentDay.limitCents} kopecks: needs a supervisor's approval`,
    };
  }
  if (
    credit > 0 &&
    input.customerMonth &&
    input.customerMonth.creditedCents + credit > input.customerMonth.limitCents
  ) {
    return {
      decision: "NEEDS_APPROVAL",
      reason: `With ${input.customerMonth.creditedCents} kopecks already credited to this customer this month, above the monthly limit of ${input.customerMonth.limitCents} kopecks: needs a supervisor's approval`,
    };
  }
  return { decision: "APPLY", reason: `Within the agent limit of ${input.limitCents} kopecks` };
}

/** The operator's calendar: days and months for the credit limits start at midnight in Moscow. */
export const OPERATOR_TIME_ZONE = "Europe/Moscow";

function offsetMsAt(at: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === "-" ? -minutes : minutes) * 60_000;
}

/** When the calendar day and month containing `now` began in `timeZone`, as instants. */
export function creditPeriodStarts(now: Date, timeZone = OPERATOR_TIME_ZONE): { dayStart: Date; monthStart: Date } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(now)
    .reduce<Record<string, number>>((out, part) => ({ ...out, [part.type]: Number(part.value) }), {});
  const localMidnight = (day: number) => {
    const guess = Date.UTC(parts.year!, parts.month! - 1, day);
    // The offset at that midnight (it can differ from now's across a daylight-saving change).
    return new Date(guess - offsetMsAt(new Date(guess - offsetMsAt(new Date(guess), timeZone)), timeZone));
  };
  return { dayStart: localMidnight(parts.day!), monthStart: localMidnight(1) };
}

/** Why an adjustment cannot be made to a bill in this state, or null when it can. */
export function adjustmentError(bill: { status: string; totalCents: number }, amountCents: number): string | null {
  if (bill.status === "CANCELLED") return "A cancelled bill cannot be adjusted";
  if (amountCents === 0) return "The amount cannot be zero";
  if (bill.totalCents + amountCents < 0) return "A credit cannot exceed the bill total";
  return null;
}
