/** The outage credit policy (routing policy `outageCredit`). */
export type OutageCreditPolicy = {
  /** A line out of service longer than this gets a credit. */
  thresholdMinutes: number;
  /** Share of the prorated fee credited, in percent. */
  ratePercent: number;
  /** The least credit once the threshold is passed, in kopecks (never more than the fee left). */
  floorCents: number;
};

export type Interval = { from: Date; to: Date };

const MINUTE_MS = 60_000;

/** Minutes of `outage` not already covered by `credited` (earlier incidents' credited outages on the same line). */
export function uncoveredMinutes(outage: Interval, credited: readonly Interval[]): number {
  const start = outage.from.getTime();
  const end = outage.to.getTime();
  if (end <= start) return 0;
  const overlaps = credited
    .map((interval) => [Math.max(start, interval.from.getTime()), Math.min(end, interval.to.getTime())] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = start;
  for (const [from, to] of overlaps) {
    const begin = Math.max(from, reach);
    if (to > begin) {
      covered += to - begin;
      reach = to;
    }
  }
  return Math.floor((end - start - covered) / MINUTE_MS);
}

/**
 * The credit for one line and one incident (issue 17): nothing up to the threshold; past it, the
 * monthly fee prorated to the minutes out of service at the policy's rate, at least the floor. A
 * line's credits in one billing cycle never add up to more than its monthly fee.
 */
export function outageCreditCents(input: {
  monthlyFeeCents: number;
  /** Minutes out of service not covered by an earlier credit. */
  minutes: number;
  /** Minutes in the billing cycle the outage falls in. */
  cycleMinutes: number;
  /** Credits this line already got in the same cycle. */
  creditedInCycleCents: number;
  policy: OutageCreditPolicy;
}): number {
  const { monthlyFeeCents, minutes, cycleMinutes, creditedInCycleCents, policy } = input;
  if (minutes <= policy.thresholdMinutes || monthlyFeeCents <= 0 || cycleMinutes <= 0) return 0;
  const prorated = Math.round(
    (monthlyFeeCents * Math.min(minutes, cycleMinutes) * policy.ratePercent) / (cycleMinutes * 100),
  );
  const left = Math.max(0, monthlyFeeCents - creditedInCycleCents);
  return Math.min(Math.max(prorated, policy.floorCents), left);
}
