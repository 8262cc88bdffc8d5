import { z } from "zod";
import { int4, safeString } from "../input.schema";

export const SEGMENTS = ["PLATINUM", "GOLD", "SILVER", "BRONZE"] as const;
export const CATEGORIES = [
  "BILLING_QUESTION",
  "BILL_DISPUTE",
  "TARIFF_CHANGE",
  "TECHNICAL_FAULT",
  "NO_SERVICE",
  "NUMBER_PORTING",
  "SIM_REPLACEMENT",
  "ROAMING",
  "CANCEL_CONTRACT",
  "COMPLAINT",
  "OTHER",
] as const;
export const PRIORITIES = [1, 2, 3, 4] as const;

export const segmentSchema = z.enum(SEGMENTS);
export const categorySchema = z.enum(CATEGORIES);
export type Segment = z.infer<typeof segmentSchema>;
export type Category = z.infer<typeof categorySchema>;

const weight = z.number().min(0).max(1);
const minutes = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 30);
const slaRow = z.object({ 1: minutes, 2: minutes, 3: minutes, 4: minutes });
const cents = int4().min(0);
const categoryList = z.array(categorySchema).max(CATEGORIES.length);

export const routingPolicySchema = z
  .object({
    valueWeights: z.object({
      revenue: weight,
      discipline: weight,
      breadth: weight,
      tenure: weight,
      growth: weight,
    }),
    /** Normalisation: the average monthly revenue (kopecks) and tenure that score 100. */
    revenueForFullScoreCents: cents.min(1),
    tenureForFullScoreMonths: z.number().int().min(1).max(600),
    linesForFullScore: z.number().int().min(1).max(50),
    segmentThresholds: z.object({
      PLATINUM: z.number().int().min(1).max(100),
      GOLD: z.number().int().min(1).max(100),
      SILVER: z.number().int().min(1).max(100),
    }),
    selfServiceCategories: z.object({
      PLATINUM: categoryList,
      GOLD: categoryList,
      SILVER: categoryList,
      BRONZE: categoryList,
    }),
    /** Minutes to first response by segment and priority (1 is the most urgent). */
    slaMinutes: z.object({ PLATINUM: slaRow, GOLD: slaRow, SILVER: slaRow, BRONZE: slaRow }),
    billDisputeEscalationCents: cents,
    /** What an agent may credit on one bill without approval (credits and charges by size). */
    agentCreditLimitCents: cents,
    /** What one agent may credit in a calendar day, over all bills, without approval. */
    agentDailyCreditLimitCents: cents,
    /** What one customer may be credited in a calendar month, by all agents, without approval. */
    customerMonthlyCreditLimitCents: cents,
    repeatContactDays: z.number().int().min(1).max(90),
    /** Credits without asking for a line out of service through a resolved incident (issue 17). */
    outageCredit: z.object({
      thresholdMinutes: z
        .number()
        .int()
        .min(0)
        .max(60 * 24 * 7),
      ratePercent: z.number().int().min(0).max(500),
      floorCents: cents.max(10_000_000),
    }),
    costPerContact: z.object({
      currency: safeString().length(3),
      selfServiceCents: cents,
      agentCents: cents,
    }),
  })
  .superRefine((policy, ctx) => {
    const sum = Object.values(policy.valueWeights).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-6) {
      ctx.addIssue({ code: "custom", path: ["valueWeights"], message: "Weights must add up to 1" });
    }
    const { PLATINUM, GOLD, SILVER } = policy.segmentThresholds;
    if (!(PLATINUM > GOLD && GOLD > SILVER)) {
      ctx.addIssue({
        code: "custom",
        path: ["segmentThresholds"],
        message: "Thresholds must fall from PLATINUM to SILVER",
      });
    }
  });

export type RoutingPolicyConfig = z.infer<typeof routingPolicySchema>;

/**
 * Defaults. Costs per contact follow published industry figures (about 0.10 USD for a
 * self-service contact against about 8 USD for a live agent contact), in roubles at 90 RUB/USD.
 */
export const DEFAULT_ROUTING_POLICY: RoutingPolicyConfig = {
  valueWeights: { revenue: 0.35, discipline: 0.25, breadth: 0.15, tenure: 0.15, growth: 0.1 },
  revenueForFullScoreCents: 250_000,
  tenureForFullScoreMonths: 60,
  linesForFullScore: 4,
  segmentThresholds: { PLATINUM: 80, GOLD: 60, SILVER: 40 },
  selfServiceCategories: {
    PLATINUM: [],
    GOLD: [],
    SILVER: ["BILLING_QUESTION", "TARIFF_CHANGE", "ROAMING", "OTHER"],
    BRONZE: ["BILLING_QUESTION", "TARIFF_CHANGE", "ROAMING", "SIM_REPLACEMENT", "NUMBER_PORTING", "OTHER"],
  },
  slaMinutes: {
    PLATINUM: { 1: 15, 2: 30, 3: 60, 4: 120 },
    GOLD: { 1: 30, 2: 60, 3: 240, 4: 480 },
    SILVER: { 1: 60, 2: 240, 3: 480, 4: 1440 },
    BRONZE: { 1: 120, 2: 480, 3: 1440, 4: 2880 },
  },
  billDisputeEscalationCents: 100_000,
  agentCreditLimitCents: 50_000,
  agentDailyCreditLimitCents: 300_000,
  customerMonthlyCreditLimitCents: 100_000,
  repeatContactDays: 7,
  outageCredit: { thresholdMinutes: 60, ratePercent: 100, floorCents: 1_000 },
  costPerContact: { currency: "RUB", selfServiceCents: 900, agentCents: 72_000 },
};

/** Settings added after the first versions were saved, with the values those versions get. */
const LATER_SETTINGS = {
  agentDailyCreditLimitCents: DEFAULT_ROUTING_POLICY.agentDailyCreditLimitCents,
  customerMonthlyCreditLimitCents: DEFAULT_ROUTING_POLICY.customerMonthlyCreditLimitCents,
  outageCredit: DEFAULT_ROUTING_POLICY.outageCredit,
} satisfies Partial<RoutingPolicyConfig>;

/** A stored version's settings; one saved before a setting existed gets that setting's default. */
export function parseStoredPolicy(config: unknown): RoutingPolicyConfig {
  const stored = typeof config === "object" && config !== null && !Array.isArray(config) ? config : {};
  return routingPolicySchema.parse({ ...LATER_SETTINGS, ...stored });
}
