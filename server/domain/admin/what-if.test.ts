import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTING_POLICY, type RoutingPolicyConfig } from "../routing/policy.schema";
import type { ValueFacts } from "../value/value-score";
import {
  compareOutageCredits,
  compareRouting,
  outageCreditsUnder,
  rerouteContact,
  type PastContact,
  type PastOutageLine,
} from "./what-if";

const active = DEFAULT_ROUTING_POLICY;
const T0 = new Date("2031-03-01T10:00:00Z");

/** Scores 44 under the default policy: SILVER (threshold 40). */
const SILVER_44: ValueFacts = {
  recentBillTotalsCents: [50_000],
  dueBills: 6,
  paidOnTime: 6,
  overdueBills: 0,
  activeLines: 1,
  serviceKinds: 1,
  tenureMonths: 12,
  usageTrend: 0,
};

let sequence = 0;
function contact(overrides: Partial<PastContact> = {}): PastContact {
  sequence += 1;
  return {
    id: `r${sequence}`,
    number: sequence,
    category: "BILLING_QUESTION",
    channel: "WEB",
    createdAt: new Date(T0.getTime() + sequence * 60_000),
    segmentAtCreation: "SILVER",
    valueFacts: SILVER_44,
    hasPersonalManager: false,
    disputedAmountCents: null,
    daysSincePreviousSameCategory: null,
    responseMinutes: null,
    ...overrides,
  };
}

function draft(change: (policy: RoutingPolicyConfig) => void): RoutingPolicyConfig {
  const copy = structuredClone(active);
  change(copy);
  return copy;
}

describe("rerouteContact", () => {
  const table: {
    rule: string;
    contact: Partial<PastContact>;
    policy: RoutingPolicyConfig;
    segment: string;
    decision: string;
  }[] = [
    {
      rule: "SILVER billing question stays in self-service",
      contact: {},
      policy: active,
      segment: "SILVER",
      decision: "SELF_SERVICE",
    },
    {
      rule: "without BILLING_QUESTION in SILVER self-service it needs a person",
      contact: {},
      policy: draft((p) => (p.selfServiceCategories.SILVER = ["ROAMING"])),
      segment: "SILVER",
      decision: "AGENT_QUEUE",
    },
    {
      rule: "no service during a known incident joined the incident",
      contact: { category: "NO_SERVICE", hadKnownOutage: true },
      policy: active,
      segment: "SILVER",
      decision: "SELF_SERVICE",
    },
    {
      rule: "no service without a known incident goes to a person",
      contact: { category: "NO_SERVICE", hadKnownOutage: false },
      policy: active,
      segment: "SILVER",
      decision: "AGENT_QUEUE",
    },
    {
      rule: "a phone call always goes to a person",
      contact: { channel: "PHONE" },
      policy: active,
      segment: "SILVER",
      decision: "AGENT_QUEUE",
    },
    {
      rule: "a contact 5 days after the last one is a repeat",
      contact: { daysSincePreviousSameCategory: 5 },
      policy: active,
      segment: "SILVER",
      decision: "AGENT_QUEUE",
    },
    {
      rule: "10 days after is not, with the 7-day window",
      contact: { daysSincePreviousSameCategory: 10 },
      policy: active,
      segment: "SILVER",
      decision: "SELF_SERVICE",
    },
    {
      rule: "10 days after is a repeat with a 14-day window",
      contact: { daysSincePreviousSameCategory: 10 },
      policy: draft((p) => (p.repeatContactDays = 14)),
      segment: "SILVER",
      decision: "AGENT_QUEUE",
    },
    {
      rule: "a higher SILVER threshold makes the score-44 customer BRONZE",
      contact: { category: "SIM_REPLACEMENT" },
      policy: draft((p) => (p.segmentThresholds.SILVER = 45)),
      segment: "BRONZE",
      decision: "SELF_SERVICE",
    },
    {
      rule: "without stored value facts the segment at creation is kept",
      contact: { category: "SIM_REPLACEMENT", valueFacts: null },
      policy: draft((p) => (p.segmentThresholds.SILVER = 45)),
      segment: "SILVER",
      decision: "AGENT_QUEUE",
    },
    {
      rule: "a customer who becomes PLATINUM is served by a personal manager",
      contact: {
        valueFacts: {
          ...SILVER_44,
          recentBillTotalsCents: [250_000],
          activeLines: 4,
          tenureMonths: 60,
          usageTrend: 0.5,
        },
      },
      policy: active,
      segment: "PLATINUM",
      decision: "PERSONAL_MANAGER",
    },
  ];
  it.each(table)("$rule", ({ contact: overrides, policy, segment, decision }) => {
    const routed = rerouteContact(contact(overrides), policy, "RESCORED");
    expect(routed.segment).toBe(segment);
    expect(routed.decision).toBe(decision);
  });

  it("keeps the segment at creation on the AT_CREATION basis, whatever the thresholds", () => {
    const routed = rerouteContact(
      contact({ category: "SIM_REPLACEMENT" }),
      draft((p) => (p.segmentThresholds.SILVER = 45)),
      "AT_CREATION",
    );
    expect(routed).toMatchObject({ segment: "SILVER", decision: "AGENT_QUEUE" });
  });
});

describe("compareRouting", () => {
  it("moving SILVER billing questions to agents shifts exactly those contacts, their load and cost", () => {
    const contacts = [
      contact(),
      contact(),
      contact({ category: "ROAMING" }),
      contact({ category: "COMPLAINT", responseMinutes: 30 }),
      contact({ segmentAtCreation: "BRONZE", valueFacts: null }),
    ];
    const result = compareRouting(
      contacts,
      active,
      draft((p) => (p.selfServiceCategories.SILVER = ["ROAMING", "TARIFF_CHANGE", "OTHER"])),
      {
        segmentBasis: "RESCORED",
      },
    );
    expect(result.changed).toBe(2);
    expect(result.shifts).toEqual({ "SELF_SERVICE>AGENT_QUEUE": 2 });
    expect(result.active).toMatchObject({ contacts: 5, selfService: 4, agentQueue: 1, selfServiceShare: 0.8 });
    expect(result.draft).toMatchObject({ contacts: 5, selfService: 2, agentQueue: 3, selfServiceShare: 0.4 });
    expect(result.active.agentLoadBySegment).toEqual({ PLATINUM: 0, GOLD: 0, SILVER: 1, BRONZE: 0 });
    expect(result.draft.agentLoadBySegment).toEqual({ PLATINUM: 0, GOLD: 0, SILVER: 3, BRONZE: 0 });
    // The complaint's real response is measured; the two moved contacts never had one.
    expect(result.draft.sla).toEqual({ measured: 1, breached: 0, unmeasured: 2, breachedShare: 0 });
    expect(result.active.costCents).toBe(4 * 900 + 1 * 72_000);
    expect(result.draft.costCents).toBe(2 * 900 + 3 * 72_000);
    expect(result.withoutValueFacts).toBe(1);
    expect(result.samples.map((sample) => sample.id)).toEqual([contacts[1]!.id, contacts[0]!.id]);
    expect(result.samples[0]).toMatchObject({
      decisionActive: "SELF_SERVICE",
      decisionDraft: "AGENT_QUEUE",
      segmentDraft: "SILVER",
    });
  });

  it("counts the real first responses that would breach a tighter SLA", () => {
    // A GOLD billing question is priority 2: 60 minutes by default.
    const gold = { segmentAtCreation: "GOLD" as const, valueFacts: null };
    const contacts = [
      contact({ ...gold, responseMinutes: 45 }),
      contact({ ...gold, responseMinutes: 20 }),
      contact({ ...gold, responseMinutes: 90 }),
    ];
    const result = compareRouting(
      contacts,
      active,
      draft((p) => (p.slaMinutes.GOLD[2] = 30)),
      { segmentBasis: "AT_CREATION" },
    );
    expect(result.active.sla).toEqual({ measured: 3, breached: 1, unmeasured: 0, breachedShare: 0.3333 });
    expect(result.draft.sla).toEqual({ measured: 3, breached: 2, unmeasured: 0, breachedShare: 0.6667 });
    expect(result.changed).toBe(0);
  });

  it("answers zeros for a window without contacts", () => {
    const result = compareRouting([], active, active, { segmentBasis: "RESCORED" });
    expect(result.active).toMatchObject({ contacts: 0, selfServiceShare: 0, costCents: 0 });
    expect(result.samples).toEqual([]);
  });

  it("keeps at most the sample size, newest first", () => {
    const contacts = Array.from({ length: 5 }, () => contact());
    const result = compareRouting(
      contacts,
      active,
      draft((p) => (p.selfServiceCategories.SILVER = [])),
      { segmentBasis: "RESCORED", sampleSize: 2 },
    );
    expect(result.changed).toBe(5);
    expect(result.samples.map((sample) => sample.id)).toEqual([contacts[4]!.id, contacts[3]!.id]);
  });
});

describe("the outage credits of past incidents", () => {
  const MINUTE = 60_000;
  /** 43,200 kopecks a month: in November's 30-day cycle (billing day 1), one kopeck a minute. */
  function hit(incidentId: string, lineId: string, from: string, minutes: number, extra: Partial<PastOutageLine> = {}) {
    const startedAt = new Date(`2031-11-${from}Z`);
    return {
      incidentId,
      lineId,
      startedAt,
      resolvedAt: new Date(startedAt.getTime() + minutes * MINUTE),
      activatedAt: new Date("2030-01-01T00:00:00Z"),
      monthlyFeeCents: 43_200,
      billingDay: 1,
      ...extra,
    } satisfies PastOutageLine;
  }
  const policy = { thresholdMinutes: 60, ratePercent: 100, floorCents: 0 };

  type Row = { rule: string; lines: PastOutageLine[]; policy: typeof policy; lines_: number; cents: number };
  const table: Row[] = [
    { rule: "no incidents: nothing", lines: [], policy, lines_: 0, cents: 0 },
    { rule: "under the threshold: nothing", lines: [hit("i1", "a", "03T10:00:00", 60)], policy, lines_: 0, cents: 0 },
    { rule: "past it: the prorated fee", lines: [hit("i1", "a", "03T10:00:00", 90)], policy, lines_: 1, cents: 90 },
    {
      rule: "the floor and the rate",
      lines: [hit("i1", "a", "03T10:00:00", 90), hit("i1", "b", "03T10:00:00", 600)],
      policy: { thresholdMinutes: 60, ratePercent: 50, floorCents: 100 },
      lines_: 2,
      cents: 100 + 300,
    },
    {
      rule: "a line activated during the outage: only its part",
      lines: [hit("i1", "a", "03T10:00:00", 180, { activatedAt: new Date("2031-11-03T12:00:00Z") })],
      policy,
      lines_: 0,
      cents: 0,
    },
    {
      rule: "two incidents on one line the same month: the overlap once",
      lines: [hit("i2", "a", "03T11:00:00", 180), hit("i1", "a", "03T10:00:00", 120)],
      policy,
      lines_: 2,
      cents: 120 + 120,
    },
    {
      rule: "what an earlier incident covered does not count towards the threshold",
      lines: [hit("i2", "a", "03T11:00:00", 120), hit("i1", "a", "03T10:00:00", 120)],
      policy,
      lines_: 1,
      cents: 120,
    },
  ];
  it.each(table)("$rule", ({ lines, policy: rule, lines_, cents }) => {
    expect(outageCreditsUnder(lines, rule)).toEqual({ lines: lines_, totalCents: cents });
  });

  it("compares a draft's threshold and rate with the active ones", () => {
    const lines = [
      hit("i1", "a", "03T10:00:00", 90),
      hit("i1", "b", "03T10:00:00", 150),
      hit("i2", "a", "20T10:00:00", 240),
    ];
    const costlier = draft((p) => (p.outageCredit = { thresholdMinutes: 30, ratePercent: 200, floorCents: 0 }));
    const result = compareOutageCredits(lines, { ...active, outageCredit: policy }, costlier);
    expect(result).toEqual({
      incidents: 2,
      active: { lines: 3, totalCents: 90 + 150 + 240 },
      draft: { lines: 3, totalCents: 2 * (90 + 150 + 240) },
    });
  });
});
