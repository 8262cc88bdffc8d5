import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTING_POLICY, type Category, type Segment } from "./policy.schema";
import { routeContact, type ContactFacts, type RoutingDecision } from "./route-contact";

const NOW = new Date("2026-11-27T10:00:00Z");
const policy = DEFAULT_ROUTING_POLICY;

function facts(overrides: Partial<ContactFacts>): ContactFacts {
  return {
    category: "BILLING_QUESTION",
    segment: "BRONZE",
    hasPersonalManager: false,
    disputedAmountCents: null,
    isRepeatContact: false,
    askedForPerson: false,
    now: NOW,
    ...overrides,
  };
}

type Row = {
  rule: string;
  input: Partial<ContactFacts>;
  decision: RoutingDecision;
  priority: number;
  code: string;
};

describe("routeContact", () => {
  const table: Row[] = [
    // Simple categories of low segments stay in self-service.
    {
      rule: "BRONZE billing question",
      input: {},
      decision: "SELF_SERVICE",
      priority: 3,
      code: "SELF_SERVICE_CATEGORY",
    },
    {
      rule: "BRONZE tariff question",
      input: { category: "TARIFF_CHANGE" },
      decision: "SELF_SERVICE",
      priority: 4,
      code: "SELF_SERVICE_CATEGORY",
    },
    {
      rule: "BRONZE SIM replacement",
      input: { category: "SIM_REPLACEMENT" },
      decision: "SELF_SERVICE",
      priority: 3,
      code: "SELF_SERVICE_CATEGORY",
    },
    {
      rule: "SILVER billing question",
      input: { segment: "SILVER" },
      decision: "SELF_SERVICE",
      priority: 3,
      code: "SELF_SERVICE_CATEGORY",
    },
    {
      rule: "SILVER roaming",
      input: { segment: "SILVER", category: "ROAMING" },
      decision: "SELF_SERVICE",
      priority: 3,
      code: "SELF_SERVICE_CATEGORY",
    },
    // Categories that are not self-service for the segment go to a person.
    {
      rule: "SILVER SIM replacement",
      input: { segment: "SILVER", category: "SIM_REPLACEMENT" },
      decision: "AGENT_QUEUE",
      priority: 3,
      code: "NEEDS_PERSON_CATEGORY",
    },
    {
      rule: "GOLD billing question",
      input: { segment: "GOLD" },
      decision: "AGENT_QUEUE",
      priority: 2,
      code: "NEEDS_PERSON_CATEGORY",
    },
    {
      rule: "GOLD tariff question",
      input: { segment: "GOLD", category: "TARIFF_CHANGE" },
      decision: "AGENT_QUEUE",
      priority: 3,
      code: "NEEDS_PERSON_CATEGORY",
    },
    {
      rule: "BRONZE small bill dispute",
      input: { category: "BILL_DISPUTE", disputedAmountCents: 50_000 },
      decision: "AGENT_QUEUE",
      priority: 3,
      code: "NEEDS_PERSON_CATEGORY",
    },
    // Always escalated.
    {
      rule: "BRONZE no service",
      input: { category: "NO_SERVICE" },
      decision: "AGENT_QUEUE",
      priority: 1,
      code: "OUTAGE",
    },
    {
      rule: "BRONZE technical fault",
      input: { category: "TECHNICAL_FAULT" },
      decision: "AGENT_QUEUE",
      priority: 2,
      code: "TECHNICAL_FAULT",
    },
    {
      rule: "BRONZE cancellation",
      input: { category: "CANCEL_CONTRACT" },
      decision: "AGENT_QUEUE",
      priority: 2,
      code: "RETENTION",
    },
    {
      rule: "SILVER complaint",
      input: { segment: "SILVER", category: "COMPLAINT" },
      decision: "AGENT_QUEUE",
      priority: 2,
      code: "COMPLAINT",
    },
    {
      rule: "BRONZE dispute above the limit",
      input: { category: "BILL_DISPUTE", disputedAmountCents: 100_001 },
      decision: "AGENT_QUEUE",
      priority: 2,
      code: "DISPUTE_ABOVE_LIMIT",
    },
    {
      rule: "BRONZE repeat billing question",
      input: { isRepeatContact: true },
      decision: "AGENT_QUEUE",
      priority: 2,
      code: "REPEAT_CONTACT",
    },
    {
      rule: "BRONZE asks for a person",
      input: { askedForPerson: true },
      decision: "AGENT_QUEUE",
      priority: 3,
      code: "ASKED_FOR_PERSON",
    },
    // The top segment goes to the personal manager.
    {
      rule: "PLATINUM billing question",
      input: { segment: "PLATINUM", hasPersonalManager: true },
      decision: "PERSONAL_MANAGER",
      priority: 2,
      code: "PERSONAL_MANAGER",
    },
    {
      rule: "PLATINUM no service",
      input: { segment: "PLATINUM", hasPersonalManager: true, category: "NO_SERVICE" },
      decision: "PERSONAL_MANAGER",
      priority: 1,
      code: "OUTAGE",
    },
    {
      rule: "PLATINUM without a manager",
      input: { segment: "PLATINUM", hasPersonalManager: false },
      decision: "AGENT_QUEUE",
      priority: 2,
      code: "NO_PERSONAL_MANAGER",
    },
    {
      rule: "GOLD with a manager stays in the queue",
      input: { segment: "GOLD", hasPersonalManager: true, category: "COMPLAINT" },
      decision: "AGENT_QUEUE",
      priority: 2,
      code: "COMPLAINT",
    },
  ];

  it.each(table)("$rule → $decision P$priority ($code)", ({ input, decision, priority, code }) => {
    const result = routeContact(facts(input), policy);
    expect(result.decision).toBe(decision);
    expect(result.priority).toBe(priority);
    expect(result.reasonCodes).toContain(code);
    expect(result.reasons).toHaveLength(result.reasonCodes.length);
    expect(result.reasons.every((reason) => reason.length > 10 && reason.endsWith("."))).toBe(true);
  });

  it("gives self-service no SLA and a person an SLA from the policy's segment and priority", () => {
    expect(routeContact(facts({}), policy).slaDueAt).toBeNull();
    const bronzeOutage = routeContact(facts({ category: "NO_SERVICE" }), policy);
    expect(bronzeOutage.slaDueAt).toEqual(new Date(NOW.getTime() + 120 * 60_000));
    const platinumOutage = routeContact(
      facts({ category: "NO_SERVICE", segment: "PLATINUM", hasPersonalManager: true }),
      policy,
    );
    expect(platinumOutage.slaDueAt).toEqual(new Date(NOW.getTime() + 15 * 60_000));
  });

  it("promises sooner answers to higher segments and more severe categories", () => {
    const due = (segment: Segment, category: Category) =>
      routeContact(
        facts({ segment, category, hasPersonalManager: true, askedForPerson: true }),
        policy,
      ).slaDueAt!.getTime();
    expect(due("PLATINUM", "BILLING_QUESTION")).toBeLessThan(due("GOLD", "BILLING_QUESTION"));
    expect(due("GOLD", "BILLING_QUESTION")).toBeLessThan(due("SILVER", "BILLING_QUESTION"));
    expect(due("SILVER", "BILLING_QUESTION")).toBeLessThan(due("BRONZE", "BILLING_QUESTION"));
    expect(due("BRONZE", "NO_SERVICE")).toBeLessThan(due("BRONZE", "COMPLAINT"));
    expect(due("BRONZE", "COMPLAINT")).toBeLessThan(due("BRONZE", "TARIFF_CHANGE"));
  });

  it("reads the dispute limit, the self-service categories and the SLA from the policy", () => {
    const strict = {
      ...policy,
      billDisputeEscalationCents: 10_000,
      selfServiceCategories: { ...policy.selfServiceCategories, BRONZE: ["BILL_DISPUTE" as const] },
      slaMinutes: { ...policy.slaMinutes, BRONZE: { 1: 5, 2: 10, 3: 20, 4: 40 } },
    };
    expect(routeContact(facts({ category: "BILL_DISPUTE", disputedAmountCents: 9_000 }), strict).decision).toBe(
      "SELF_SERVICE",
    );
    const large = routeContact(facts({ category: "BILL_DISPUTE", disputedAmountCents: 20_000 }), strict);
    expect(large.decision).toBe("AGENT_QUEUE");
    expect(large.reasons.join(" ")).toContain("200.00 RUB");
    expect(large.slaDueAt).toEqual(new Date(NOW.getTime() + 10 * 60_000));
    expect(routeContact(facts({}), strict).decision).toBe("AGENT_QUEUE");
  });

  it("never lets a priority leave 1..4", () => {
    const result = routeContact(
      facts({ category: "NO_SERVICE", segment: "PLATINUM", isRepeatContact: true, hasPersonalManager: true }),
      policy,
    );
    expect(result.priority).toBe(1);
    expect(routeContact(facts({ category: "OTHER", segment: "BRONZE", askedForPerson: true }), policy).priority).toBe(
      4,
    );
  });
});

describe("routeContact with a known outage", () => {
  type OutageRow = {
    rule: string;
    input: Partial<ContactFacts>;
    decision: RoutingDecision;
    codes: string[];
  };
  const table: OutageRow[] = [
    {
      rule: "no service on a line a known incident covers joins the incident",
      input: { category: "NO_SERVICE", hasKnownOutage: true },
      decision: "SELF_SERVICE",
      codes: ["OUTAGE_KNOWN"],
    },
    {
      rule: "a technical fault too, even from PLATINUM with a personal manager",
      input: { category: "TECHNICAL_FAULT", segment: "PLATINUM", hasPersonalManager: true, hasKnownOutage: true },
      decision: "SELF_SERVICE",
      codes: ["OUTAGE_KNOWN"],
    },
    {
      rule: "and a repeat contact about it (the customer wrote before the incident was declared)",
      input: { category: "NO_SERVICE", isRepeatContact: true, hasKnownOutage: true },
      decision: "SELF_SERVICE",
      codes: ["OUTAGE_KNOWN"],
    },
    {
      rule: "asking for a person still reaches one",
      input: { category: "NO_SERVICE", askedForPerson: true, hasKnownOutage: true },
      decision: "AGENT_QUEUE",
      codes: ["OUTAGE", "ASKED_FOR_PERSON", "PRIORITY", "SLA"],
    },
    {
      rule: "an outage nobody declared is escalated as always",
      input: { category: "NO_SERVICE", hasKnownOutage: false },
      decision: "AGENT_QUEUE",
      codes: ["OUTAGE", "PRIORITY", "SLA"],
    },
    {
      rule: "an incident does not explain a complaint",
      input: { category: "COMPLAINT", hasKnownOutage: true },
      decision: "AGENT_QUEUE",
      codes: ["COMPLAINT", "PRIORITY", "SLA"],
    },
    {
      rule: "nor a billing question",
      input: { category: "BILLING_QUESTION", hasKnownOutage: true },
      decision: "SELF_SERVICE",
      codes: ["SELF_SERVICE_CATEGORY"],
    },
  ];
  it.each(table)("$rule", ({ input, decision, codes }) => {
    const result = routeContact(facts(input), policy);
    expect(result.decision).toBe(decision);
    expect(result.reasonCodes).toEqual(codes);
    if (codes.includes("OUTAGE_KNOWN")) expect(result.slaDueAt).toBeNull();
  });
});
