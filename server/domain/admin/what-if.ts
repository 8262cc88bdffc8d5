import { currentCycle } from "../billing/cycle";
import { outageCreditCents, uncoveredMinutes, type Interval, type OutageCreditPolicy } from "../incident/outage-credit";
import { type Category, type RoutingPolicyConfig, type Segment } from "../routing/policy.schema";
import { routeContact, type RoutingDecision } from "../routing/route-contact";
import { scoreCustomerValue, type ValueFacts } from "../value/value-score";

/** A past contact with the facts routing needs, as stored. */
export type PastContact = {
  id: string;
  number: number;
  category: Category;
  channel: string;
  createdAt: Date;
  segmentAtCreation: Segment;
  /** The customer's stored value facts (from their value breakdown); null when never scored. */
  valueFacts: ValueFacts | null;
  hasPersonalManager: boolean;
  disputedAmountCents: number | null;
  /** Days since the customer's previous contact on the same category; null when there was none. */
  daysSincePreviousSameCategory: number | null;
  /** The contact joined a network incident that was known when it arrived (issue 17). */
  hadKnownOutage?: boolean;
  /** Minutes from the start of the SLA clock (creation or escalation) to the first response; null when none was given. */
  responseMinutes: number | null;
};

export type SegmentBasis = "RESCORED" | "AT_CREATION";

export type PolicyOutcome = {
  contacts: number;
  selfService: number;
  agentQueue: number;
  personalManager: number;
  /** Share 0..1 of contacts routed to self-service. */
  selfServiceShare: number;
  /** Contacts that need a person (queue or personal manager), by the segment the policy gives the customer. */
  agentLoadBySegment: Record<Segment, number>;
  /** Contacts by segment under this policy. */
  segments: Record<Segment, number>;
  /**
   * Contacts routed to a person whose real first response is known, and of them those whose
   * response took longer than this policy's SLA for their segment and priority.
   */
  sla: { measured: number; breached: number; unmeasured: number; breachedShare: number };
  /** Contacts × the policy's cost per contact (self-service vs a person). */
  costCents: number;
};

export type ChangedContact = {
  id: string;
  number: number;
  category: Category;
  segmentActive: Segment;
  segmentDraft: Segment;
  decisionActive: RoutingDecision;
  decisionDraft: RoutingDecision;
};

export type WhatIfComparison = {
  segmentBasis: SegmentBasis;
  /** Contacts whose customer had no stored value facts, so their segment at creation was used. */
  withoutValueFacts: number;
  active: PolicyOutcome;
  draft: PolicyOutcome;
  /** How many contacts the draft decides differently, by "FROM>TO". */
  shifts: Record<string, number>;
  changed: number;
  /** Up to `sampleSize` contacts the draft decides differently, newest first. */
  samples: ChangedContact[];
};

const emptyBySegment = (): Record<Segment, number> => ({ PLATINUM: 0, GOLD: 0, SILVER: 0, BRONZE: 0 });
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

function segmentUnder(contact: PastContact, policy: RoutingPolicyConfig, basis: SegmentBasis): Segment {
  if (basis === "AT_CREATION" || !contact.valueFacts) return contact.segmentAtCreation;
  return scoreCustomerValue(contact.valueFacts, policy).segment;
}

type Routed = { segment: Segment; decision: RoutingDecision; slaMinutes: number | null };

/** Routes one past contact as it would have been routed under `policy` when it arrived. */
export function rerouteContact(contact: PastContact, policy: RoutingPolicyConfig, basis: SegmentBasis): Routed {
  const segment = segmentUnder(contact, policy, basis);
  const result = routeContact(
    {
      category: contact.category,
      segment,
      // The nightly scoring gives every PLATINUM customer a personal manager.
      hasPersonalManager: contact.hasPersonalManager || segment === "PLATINUM",
      disputedAmountCents: contact.disputedAmountCents,
      isRepeatContact:
        contact.daysSincePreviousSameCategory !== null &&
        contact.daysSincePreviousSameCategory <= policy.repeatContactDays,
      // A phone call is already a conversation with a person; no policy sends it to self-service.
      askedForPerson: contact.channel === "PHONE",
      hasKnownOutage: contact.hadKnownOutage ?? false,
      now: contact.createdAt,
    },
    policy,
  );
  const slaMinutes = result.slaDueAt
    ? Math.round((result.slaDueAt.getTime() - contact.createdAt.getTime()) / 60_000)
    : null;
  return { segment, decision: result.decision, slaMinutes };
}

function summarise(routed: Routed[], contacts: PastContact[], policy: RoutingPolicyConfig): PolicyOutcome {
  const outcome: PolicyOutcome = {
    contacts: contacts.length,
    selfService: 0,
    agentQueue: 0,
    personalManager: 0,
    selfServiceShare: 0,
    agentLoadBySegment: emptyBySegment(),
    segments: emptyBySegment(),
    sla: { measured: 0, breached: 0, unmeasured: 0, breachedShare: 0 },
    costCents: 0,
  };
  routed.forEach((route, i) => {
    const contact = contacts[i]!;
    outcome.segments[route.segment] += 1;
    if (route.decision === "SELF_SERVICE") {
      outcome.selfService += 1;
      return;
    }
    if (route.decision === "AGENT_QUEUE") outcome.agentQueue += 1;
    else outcome.personalManager += 1;
    outcome.agentLoadBySegment[route.segment] += 1;
    if (contact.responseMinutes === null || route.slaMinutes === null) {
      outcome.sla.unmeasured += 1;
    } else {
      outcome.sla.measured += 1;
      if (contact.responseMinutes > route.slaMinutes) outcome.sla.breached += 1;
    }
  });
  const agentContacts = outcome.agentQueue + outcome.personalManager;
  outcome.selfServiceShare = share(outcome.selfService, outcome.contacts);
  outcome.sla.breachedShare = share(outcome.sla.breached, outcome.sla.measured);
  outcome.costCents =
    outcome.selfService * policy.costPerContact.selfServiceCents + agentContacts * policy.costPerContact.agentCents;
  return outcome;
}

/**
 * The supervisor's what-if: re-routes past contacts under the active policy and under a draft,
 * with the same facts, and compares self-service share, agent load by segment, SLA exposure
 * (real first responses against each policy's promised times) and cost. Pure, so it is
 * table-tested; `what-if.service.ts` loads the contacts.
 */
export function compareRouting(
  contacts: PastContact[],
  active: RoutingPolicyConfig,
  draft: RoutingPolicyConfig,
  options: { segmentBasis: SegmentBasis; sampleSize?: number },
): WhatIfComparison {
  const basis = options.segmentBasis;
  const underActive = contacts.map((contact) => rerouteContact(contact, active, basis));
  const underDraft = contacts.map((contact) => rerouteContact(contact, draft, basis));
  const shifts: Record<string, number> = {};
  const changedIndexes: number[] = [];
  underDraft.forEach((route, i) => {
    const before = underActive[i]!;
    if (route.decision === before.decision) return;
    const key = `${before.decision}>${route.decision}`;
    shifts[key] = (shifts[key] ?? 0) + 1;
    changedIndexes.push(i);
  });
  const samples = changedIndexes
    .sort((a, b) => contacts[b]!.createdAt.getTime() - contacts[a]!.createdAt.getTime())
    .slice(0, options.sampleSize ?? 20)
    .map((i) => ({
      id: contacts[i]!.id,
      number: contacts[i]!.number,
      category: contacts[i]!.category,
      segmentActive: underActive[i]!.segment,
      segmentDraft: underDraft[i]!.segment,
      decisionActive: underActive[i]!.decision,
      decisionDraft: underDraft[i]!.decision,
    }));
  return {
    segmentBasis: basis,
    withoutValueFacts: basis === "RESCORED" ? contacts.filter((contact) => !contact.valueFacts).length : 0,
    active: summarise(underActive, contacts, active),
    draft: summarise(underDraft, contacts, draft),
    shifts,
    changed: changedIndexes.length,
    samples,
  };
}

/** A line a resolved past incident touched, with what its credit depends on (issue 17). */
export type PastOutageLine = {
  incidentId: string;
  lineId: string;
  startedAt: Date;
  resolvedAt: Date;
  activatedAt: Date;
  monthlyFeeCents: number;
  billingDay: number;
};

export type OutageCreditCost = { lines: number; totalCents: number };

/**
 * What the outage credit rule (incident/outage-credit.ts) gives these past incidents' lines under
 * one policy: incidents in the order they started, each line's earlier credits in the same cycle
 * counted as the credits job counts them (their outage not paid twice, the cycle's total at most
 * the fee).
 */
export function outageCreditsUnder(lines: PastOutageLine[], policy: OutageCreditPolicy): OutageCreditCost {
  const byLine = new Map<string, { cycleStart: number; intervals: Interval[]; cents: number }[]>();
  let credited = 0;
  let totalCents = 0;
  const ordered = [...lines].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  for (const line of ordered) {
    const cycle = currentCycle(line.billingDay, line.startedAt);
    const cycles = byLine.get(line.lineId) ?? [];
    let inCycle = cycles.find((entry) => entry.cycleStart === cycle.start.getTime());
    if (!inCycle) {
      inCycle = { cycleStart: cycle.start.getTime(), intervals: [], cents: 0 };
      cycles.push(inCycle);
      byLine.set(line.lineId, cycles);
    }
    const outage = {
      from: new Date(Math.max(line.startedAt.getTime(), line.activatedAt.getTime())),
      to: line.resolvedAt,
    };
    const cents = outageCreditCents({
      monthlyFeeCents: line.monthlyFeeCents,
      minutes: uncoveredMinutes(outage, inCycle.intervals),
      cycleMinutes: (cycle.end.getTime() - cycle.start.getTime()) / 60_000,
      creditedInCycleCents: inCycle.cents,
      policy,
    });
    if (cents <= 0) continue;
    inCycle.intervals.push(outage);
    inCycle.cents += cents;
    credited += 1;
    totalCents += cents;
  }
  return { lines: credited, totalCents };
}

/** The outage credits of past incidents under the active policy and under a draft. */
export function compareOutageCredits(
  lines: PastOutageLine[],
  active: RoutingPolicyConfig,
  draft: RoutingPolicyConfig,
): { incidents: number; active: OutageCreditCost; draft: OutageCreditCost } {
  return {
    incidents: new Set(lines.map((line) => line.incidentId)).size,
    active: outageCreditsUnder(lines, active.outageCredit),
    draft: outageCreditsUnder(lines, draft.outageCredit),
  };
}
