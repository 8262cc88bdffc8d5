import type { RoutingPolicyConfig } from "../routing/policy.schema";

/** A share 0..1 rounded to four decimals; null when there is nothing to take a share of. */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** Minutes with one decimal; null stays null (no data). */
export function roundMinutes(minutes: number | null): number | null {
  return minutes === null ? null : Math.round(minutes * 10) / 10;
}

export type ContactCost = {
  currency: string;
  selfServiceUnitCents: number;
  agentUnitCents: number;
  /** Contacts served without a person (never routed or escalated to one). */
  selfServiceContacts: number;
  agentContacts: number;
  totalCents: number;
  /** What the same contacts would have cost if every one had gone to an agent. */
  allAgentCents: number;
  savingsCents: number;
  /** Average cost of one contact; null without contacts. */
  perContactCents: number | null;
};

/** Cost of the contacts at the policy's cost per contact, and the savings against "all by agents". */
export function costOf(
  counts: { selfServiceContacts: number; agentContacts: number },
  costs: RoutingPolicyConfig["costPerContact"],
): ContactCost {
  const contacts = counts.selfServiceContacts + counts.agentContacts;
  const totalCents = counts.selfServiceContacts * costs.selfServiceCents + counts.agentContacts * costs.agentCents;
  const allAgentCents = contacts * costs.agentCents;
  return {
    currency: costs.currency,
    selfServiceUnitCents: costs.selfServiceCents,
    agentUnitCents: costs.agentCents,
    selfServiceContacts: counts.selfServiceContacts,
    agentContacts: counts.agentContacts,
    totalCents,
    allAgentCents,
    savingsCents: allAgentCents - totalCents,
    perContactCents: contacts > 0 ? Math.round(totalCents / contacts) : null,
  };
}

export type Bucket = "day" | "week" | "month";

/** Chart resolution for a range: days up to two months, weeks up to a year, then months. */
export function bucketFor(range: { from: Date; to: Date }): Bucket {
  const days = (range.to.getTime() - range.from.getTime()) / 86_400_000;
  if (days <= 62) return "day";
  if (days <= 366) return "week";
  return "month";
}
