import { z } from "zod";

export const VALUE_PARTS = ["revenue", "discipline", "breadth", "tenure", "growth"] as const;
export type ValuePartKey = (typeof VALUE_PARTS)[number];

const part = z.object({ value: z.number(), weight: z.number(), points: z.number() });
const storedBreakdown = z.object({
  parts: z.object({ revenue: part, discipline: part, breadth: part, tenure: part, growth: part }),
  facts: z
    .object({
      averageMonthlyRevenueCents: z.number().optional(),
      recentBillTotalsCents: z.array(z.number()).optional(),
      dueBills: z.number().optional(),
      paidOnTime: z.number().optional(),
      overdueBills: z.number().optional(),
      activeLines: z.number().optional(),
      serviceKinds: z.number().optional(),
      tenureMonths: z.number().optional(),
      usageTrend: z.number().nullable().optional(),
    })
    .partial()
    .default({}),
});

export type ValueFactor = {
  key: ValuePartKey;
  /** 0..1 after normalisation. */
  value: number;
  weight: number;
  /** This factor's share of the 0..100 score. */
  points: number;
};

export type ValueView = {
  factors: ValueFactor[];
  /** The facts behind the factors (what the agent reads out: bills, lines, tenure, trend). */
  facts: z.infer<typeof storedBreakdown>["facts"];
};

/**
 * The stored value breakdown (`Customer.valueBreakdown`, written by the scoring job) as factors
 * ordered by their weight in the score, or null before the first scoring run.
 */
export function valueViewOf(breakdown: unknown): ValueView | null {
  const parsed = storedBreakdown.safeParse(breakdown);
  if (!parsed.success) return null;
  const factors = VALUE_PARTS.map((key) => ({ key, ...parsed.data.parts[key] })).sort((a, b) => b.weight - a.weight);
  return { factors, facts: parsed.data.facts };
}
