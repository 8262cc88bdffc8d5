import { DEFAULT_ROUTING_POLICY, type RoutingPolicyConfig } from "../../server/domain/routing/policy.schema";

export type SegmentName = "PLATINUM" | "GOLD" | "SILVER" | "BRONZE";

export type ValueFacts = {
  /** Totals of up to the last six bills, in kopecks. */
  recentBillTotalsCents: number[];
  /** Bills whose due date has passed. */
  dueBills: number;
  /** Of those, paid in full by the due date. */
  paidOnTime: number;
  overdueBills: number;
  activeLines: number;
  /** Distinct kinds of service among the lines (mobile, home internet). */
  serviceKinds: number;
  tenureMonths: number;
  /** Relative change of usage, last 60 days against the 60 before (0.3 = +30 %); null without that history. */
  usageTrend: number | null;
};

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/**
 * A rough value score for the demo data, with the policy's weights and normalisation (the same
 * ingredients as DESIGN.md's value score), so the stored segments are plausible before the
 * scoring job recomputes them from the data.
 */
export function estimateValue(facts: ValueFacts, policy: RoutingPolicyConfig = DEFAULT_ROUTING_POLICY): { score: number; segment: SegmentName } {
  const bills = facts.recentBillTotalsCents;
  const averageRevenue = bills.length ? bills.reduce((sum, total) => sum + total, 0) / bills.length : 0;
  const parts = {
    revenue: clamp01(averageRevenue / policy.revenueForFullScoreCents),
    discipline: facts.dueBills ? clamp01(facts.paidOnTime / facts.dueBills - 0.25 * facts.overdueBills) : 0.5,
    // A second kind of service counts like one more line.
    breadth: clamp01((facts.activeLines + Math.max(0, facts.serviceKinds - 1)) / policy.linesForFullScore),
    tenure: clamp01(facts.tenureMonths / policy.tenureForFullScoreMonths),
    growth: facts.usageTrend === null ? 0.5 : clamp01(0.5 + facts.usageTrend),
  };
  const weights = policy.valueWeights;
  const weighted =
    weights.revenue * parts.revenue +
    weights.discipline * parts.discipline +
    weights.breadth * parts.breadth +
    weights.tenure * parts.tenure +
    weights.growth * parts.growth;
  const score = Math.round(100 * clamp01(weighted));
  const thresholds = policy.segmentThresholds;
  const segment: SegmentName =
    score >= thresholds.PLATINUM ? "PLATINUM" : score >= thresholds.GOLD ? "GOLD" : score >= thresholds.SILVER ? "SILVER" : "BRONZE";
  return { score, segment };
}
