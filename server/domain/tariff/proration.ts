import { currentCycle, daysBetween, startOfUtcDay } from "../billing/cycle";

export type Effective = "IMMEDIATE" | "NEXT_CYCLE";

export type Proration = {
  effectiveAt: Date;
  cycleStart: Date;
  cycleEnd: Date;
  cycleDays: number;
  /** Days of the cycle billed on the new tariff, the day of the change included. */
  daysRemaining: number;
  /** Unused part of the old fee, returned to the customer (a positive number). */
  creditCents: number;
  /** The new fee for the rest of the cycle. */
  chargeCents: number;
};

/** Half rounds away from zero, like tax: kopecks never drift between credit and charge. */
export function prorate(feeCents: number, days: number, cycleDays: number): number {
  return Math.round((feeCents * days) / cycleDays);
}

/**
 * The money of a tariff change requested at `at`. IMMEDIATE: the change counts from the start of
 * today, so the customer gets back the old fee for the days left in the cycle (today included) and
 * pays the new fee for the same days. NEXT_CYCLE: takes effect at the next cycle start, no proration.
 * A change on the first day of a cycle (the day of the bill run) belongs to the new cycle: the whole
 * cycle is prorated, and the bill being issued that day for the previous cycle is not touched.
 */
export function prorateChange(input: {
  fromFeeCents: number;
  toFeeCents: number;
  effective: Effective;
  billingDay: number;
  at: Date;
}): Proration {
  const cycle = currentCycle(input.billingDay, input.at);
  const cycleDays = daysBetween(cycle.start, cycle.end);
  if (input.effective === "NEXT_CYCLE") {
    return {
      effectiveAt: cycle.end,
      cycleStart: cycle.start,
      cycleEnd: cycle.end,
      cycleDays,
      daysRemaining: 0,
      creditCents: 0,
      chargeCents: 0,
    };
  }
  const daysRemaining = daysBetween(startOfUtcDay(input.at), cycle.end);
  return {
    effectiveAt: input.at,
    cycleStart: cycle.start,
    cycleEnd: cycle.end,
    cycleDays,
    daysRemaining,
    creditCents: prorate(input.fromFeeCents, daysRemaining, cycleDays),
    chargeCents: prorate(input.toFeeCents, daysRemaining, cycleDays),
  };
}
