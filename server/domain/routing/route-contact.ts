import type { Category, RoutingPolicyConfig, Segment } from "./policy.schema";
import type { ReasonCode } from "./reason-codes";

export type RoutingDecision = "SELF_SERVICE" | "AGENT_QUEUE" | "PERSONAL_MANAGER";
export type Priority = 1 | 2 | 3 | 4;

export type ContactFacts = {
  category: Category;
  segment: Segment;
  hasPersonalManager: boolean;
  /** For BILL_DISPUTE: the amount the customer disputes, in kopecks. */
  disputedAmountCents?: number | null;
  /** The customer contacted us on the same category within the policy's repeat window. */
  isRepeatContact: boolean;
  /** The customer asked for a person (request.escalate). */
  askedForPerson?: boolean;
  /** A declared network incident already covers this line (issue 17): the contact joins it. */
  hasKnownOutage?: boolean;
  now: Date;
};

export type RoutingResult = {
  decision: RoutingDecision;
  priority: Priority;
  /** Promised first response; null while the contact is served in self-service. */
  slaDueAt: Date | null;
  /** Human-readable English sentences, stored with the request. */
  reasons: string[];
  /** Stable codes the UI translates, one per reason, in the same order. */
  reasonCodes: ReasonCode[];
};

/** Category severity as a base priority (1 is the most urgent). */
export const CATEGORY_SEVERITY: Record<Category, Priority> = {
  NO_SERVICE: 1,
  TECHNICAL_FAULT: 2,
  CANCEL_CONTRACT: 2,
  COMPLAINT: 2,
  BILL_DISPUTE: 3,
  NUMBER_PORTING: 3,
  SIM_REPLACEMENT: 3,
  BILLING_QUESTION: 3,
  ROAMING: 3,
  TARIFF_CHANGE: 4,
  OTHER: 4,
};

/** DESIGN.md "Always escalated": outages, retention and complaints never stay in self-service. */
const ALWAYS_ESCALATED: Partial<Record<Category, { code: ReasonCode; reason: string }>> = {
  NO_SERVICE: { code: "OUTAGE", reason: "No service is an outage: it always goes to a person." },
  TECHNICAL_FAULT: { code: "TECHNICAL_FAULT", reason: "A technical fault always goes to a person." },
  CANCEL_CONTRACT: {
    code: "RETENTION",
    reason: "Contract cancellation always goes to a person who can offer to keep the customer.",
  },
  COMPLAINT: { code: "COMPLAINT", reason: "A complaint always goes to a person." },
};

/** Categories a network incident explains. */
export const OUTAGE_CATEGORIES: readonly Category[] = ["NO_SERVICE", "TECHNICAL_FAULT"];

const clampPriority = (value: number): Priority => Math.min(4, Math.max(1, value)) as Priority;

function formatRoubles(cents: number): string {
  return `${(cents / 100).toFixed(2)} RUB`;
}

/**
 * Decides who serves a new contact (DESIGN.md "Routing of every new contact"): facts in, decision
 * with priority, SLA due time and the reasons out. Pure, so the supervisor's what-if can re-run it.
 */
export function routeContact(facts: ContactFacts, policy: RoutingPolicyConfig): RoutingResult {
  const reasons: string[] = [];
  const reasonCodes: ReasonCode[] = [];
  const add = (code: ReasonCode, reason: string) => {
    reasonCodes.push(code);
    reasons.push(reason);
  };

  let priority: number = CATEGORY_SEVERITY[facts.category];
  let isEscalated = false;

  // A fault the network already reported is answered by the incident, not by a person; the
  // customer can still ask for one, and a fault still there after the repair is escalated then.
  if (facts.hasKnownOutage && OUTAGE_CATEGORIES.includes(facts.category) && !facts.askedForPerson) {
    add(
      "OUTAGE_KNOWN",
      "A known network incident covers this line: the request joins the incident and is answered when it is repaired.",
    );
    return { decision: "SELF_SERVICE", priority: clampPriority(priority), slaDueAt: null, reasons, reasonCodes };
  }

  const always = ALWAYS_ESCALATED[facts.category];
  if (always) {
    isEscalated = true;
    add(always.code, always.reason);
  }
  if (
    facts.category === "BILL_DISPUTE" &&
    facts.disputedAmountCents != null &&
    facts.disputedAmountCents > policy.billDisputeEscalationCents
  ) {
    isEscalated = true;
    priority = Math.min(priority, 2);
    add(
      "DISPUTE_ABOVE_LIMIT",
      `The disputed amount ${formatRoubles(facts.disputedAmountCents)} is above the ${formatRoubles(policy.billDisputeEscalationCents)} limit: a person reviews it.`,
    );
  }
  if (facts.isRepeatContact) {
    isEscalated = true;
    priority -= 1;
    add(
      "REPEAT_CONTACT",
      `The customer already contacted us about this within ${policy.repeatContactDays} days: a person takes it, with higher priority.`,
    );
  }
  if (facts.askedForPerson) {
    isEscalated = true;
    add("ASKED_FOR_PERSON", "The customer asked for a person.");
  }

  const isSelfServiceCategory = policy.selfServiceCategories[facts.segment].includes(facts.category);
  if (!isEscalated && isSelfServiceCategory) {
    add(
      "SELF_SERVICE_CATEGORY",
      `A ${facts.category} contact from a ${facts.segment} customer is served in self-service first; the customer can still ask for a person.`,
    );
    return { decision: "SELF_SERVICE", priority: clampPriority(priority), slaDueAt: null, reasons, reasonCodes };
  }
  if (!isEscalated) {
    add("NEEDS_PERSON_CATEGORY", `A ${facts.category} contact from a ${facts.segment} customer needs a person.`);
  }

  // Higher segments are served sooner: PLATINUM always one step up, GOLD for the less severe.
  if (facts.segment === "PLATINUM" || (facts.segment === "GOLD" && priority >= 3)) priority -= 1;
  const finalPriority = clampPriority(priority);

  let decision: RoutingDecision = "AGENT_QUEUE";
  if (facts.segment === "PLATINUM" && facts.hasPersonalManager) {
    decision = "PERSONAL_MANAGER";
    add("PERSONAL_MANAGER", "A PLATINUM customer goes to their personal manager.");
  } else if (facts.segment === "PLATINUM") {
    add("NO_PERSONAL_MANAGER", "A PLATINUM customer without an assigned personal manager goes to the agent queue.");
  }

  const slaMinutes = policy.slaMinutes[facts.segment][finalPriority];
  add("PRIORITY", `Priority ${finalPriority} from the category's severity and the ${facts.segment} segment.`);
  add("SLA", `First response promised within ${slaMinutes} minutes (${facts.segment}, priority ${finalPriority}).`);
  const slaDueAt = new Date(facts.now.getTime() + slaMinutes * 60_000);
  return { decision, priority: finalPriority, slaDueAt, reasons, reasonCodes };
}
