import type { RoutingPolicyConfig, Segment } from "../routing/policy.schema";

/** What the score is computed from; collected from bills, lines and usage by value.service.ts. */
export type ValueFacts = {
  /** Totals of the last (up to) six bills, in kopecks. */
  recentBillTotalsCents: number[];
  /** Bills of the last 12 months whose due date has passed. */
  dueBills: number;
  /** Of those, paid in full by their due date. */
  paidOnTime: number;
  /** Bills past their due date and still not paid in full. */
  overdueBills: number;
  activeLines: number;
  /** Distinct kinds of service among the active lines (mobile, home internet). */
  serviceKinds: number;
  tenureMonths: number;
  /** Relative change of usage, recent period against the one before (0.2 = +20 %); null without enough history. */
  usageTrend: number | null;
};

export type ValuePart = {
  /** 0..1 after normalisation. */
  value: number;
  weight: number;
  /** value × weight × 100: this part's share of the score. */
  points: number;
};

export type ValueBreakdown = {
  score: number;
  segment: Segment;
  parts: { revenue: ValuePart; discipline: ValuePart; breadth: ValuePart; tenure: ValuePart; growth: ValuePart };
  facts: ValueFacts & { averageMonthlyRevenueCents: number };
};

/** Each overdue bill takes this much off the on-time share. */
export const OVERDUE_PENALTY = 0.25;
/** Discipline and growth without history are neither rewarded nor punished. */
const NEUTRAL = 0.5;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const round3 = (value: number) => Math.round(value * 1000) / 1000;

export function segmentForScore(score: number, thresholds: RoutingPolicyConfig["segmentThresholds"]): Segment {
  if (score >= thresholds.PLATINUM) return "PLATINUM";
  if (score >= thresholds.GOLD) return "GOLD";
  if (score >= thresholds.SILVER) return "SILVER";
  return "BRONZE";
}

/**
 * The customer value score 0..100 (DESIGN.md "Value score"): average monthly revenue, payment
 * discipline, product breadth, tenure and growth potential, each normalised to 0..1 and weighted
 * by the routing policy; the segment follows the policy's thresholds.
 */
export function scoreCustomerValue(facts: ValueFacts, policy: RoutingPolicyConfig): ValueBreakdown {
  const bills = facts.recentBillTotalsCents;
  const averageMonthlyRevenueCents = bills.length
    ? Math.round(bills.reduce((sum, total) => sum + total, 0) / bills.length)
    : 0;
  const values = {
    revenue: clamp01(averageMonthlyRevenueCents / policy.revenueForFullScoreCents),
    discipline:
      facts.dueBills > 0 ? clamp01(facts.paidOnTime / facts.dueBills - OVERDUE_PENALTY * facts.overdueBills) : NEUTRAL,
    // A second kind of service counts like one more line: the customer buys more of what we sell.
    breadth: clamp01((facts.activeLines + Math.max(0, facts.serviceKinds - 1)) / policy.linesForFullScore),
    tenure: clamp01(facts.tenureMonths / policy.tenureForFullScoreMonths),
    growth: facts.usageTrend === null ? NEUTRAL : clamp01(NEUTRAL + facts.usageTrend),
  };
  const weights = policy.valueWeights;
  const part = (key: keyof typeof values): ValuePart => ({
    value: round3(values[key]),
    weight: weights[key],
    points: round3(values[key] * weights[key] * 100),
  });
  const parts = {
    revenue: part("revenue"),
    discipline: part("discipline"),
    breadth: part("breadth"),
    tenure: part("tenure"),
    growth: part("growth"),
  };
  const exact =
    values.revenue * weights.revenue +
    values.discipline * weights.discipline +
    values.breadth * weights.breadth +
    values.tenure * weights.tenure +
    values.growth * weights.growth;
  const score = Math.round(100 * clamp01(exact));
  return {
    score,
    segment: segmentForScore(score, policy.segmentThresholds),
    parts,
    facts: { ...facts, averageMonthlyRevenueCents },
  };
}

/** Relative usage change from per-day averages; null when either period has too little data. */
export function usageTrendOf(
  recent: { total: number; days: number },
  previous: { total: number; days: number },
  minDays = 14,
): number | null {
  if (recent.days < minDays || previous.days < minDays) return null;
  const before = previous.total / previous.days;
  const now = recent.total / recent.days;
  if (before <= 0) return now > 0 ? 1 : 0;
  return Math.round((now / before - 1) * 1000) / 1000;
}
