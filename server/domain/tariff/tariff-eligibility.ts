import { addMonthsUtc } from "../billing/cycle";

/** Why a tariff is not available; the UI translates each code. */
export type IneligibilityReason =
  | "CUSTOMER_NOT_ACTIVE"
  | "LINE_NOT_ACTIVE"
  | "SAME_TARIFF"
  | "TARIFF_RETIRED"
  | "WRONG_SERVICE_KIND"
  | "SEGMENT_NOT_ALLOWED"
  | "PENDING_CHANGE"
  | "MIN_TERM"
  | "NOT_SOLD_TO_NEW_CUSTOMERS";

type Segment = "PLATINUM" | "GOLD" | "SILVER" | "BRONZE";
type Kind = "MOBILE" | "HOME_INTERNET";

export type TariffFacts = {
  id: string;
  status: "ACTIVE" | "RETIRED";
  kind: Kind;
  openToSegments: Segment[];
  minTermMonths: number;
  soldToNewCustomers: boolean;
};

export type EligibilityFacts = {
  customer: { status: "ACTIVE" | "SUSPENDED" | "CLOSED"; segment: Segment };
  line: { status: "ACTIVE" | "BLOCKED" | "SUSPENDED" | "TERMINATED"; kind: Kind; tariffId: string; tariffSince: Date };
  currentTariff: Pick<TariffFacts, "minTermMonths">;
  target: TariffFacts;
  hasPendingChange: boolean;
  /** When the change would take effect (now for IMMEDIATE, the next cycle start for NEXT_CYCLE). */
  effectiveAt: Date;
};

export type Eligibility = { eligible: boolean; reasons: IneligibilityReason[]; minTermEndsAt: Date | null };

/**
 * DESIGN.md "Tariff change": an active line, a tariff open to the customer's segment, no pending
 * change, and the minimum term of the current tariff served by the time the change takes effect.
 */
export function checkEligibility(facts: EligibilityFacts): Eligibility {
  const reasons: IneligibilityReason[] = [];
  if (facts.customer.status !== "ACTIVE") reasons.push("CUSTOMER_NOT_ACTIVE");
  if (facts.line.status !== "ACTIVE") reasons.push("LINE_NOT_ACTIVE");
  if (facts.target.id === facts.line.tariffId) reasons.push("SAME_TARIFF");
  if (facts.target.status !== "ACTIVE") reasons.push("TARIFF_RETIRED");
  if (facts.target.kind !== facts.line.kind) reasons.push("WRONG_SERVICE_KIND");
  if (facts.target.openToSegments.length > 0 && !facts.target.openToSegments.includes(facts.customer.segment)) {
    reasons.push("SEGMENT_NOT_ALLOWED");
  }
  if (facts.hasPendingChange) reasons.push("PENDING_CHANGE");
  const minTermEndsAt =
    facts.currentTariff.minTermMonths > 0
      ? addMonthsUtc(facts.line.tariffSince, facts.currentTariff.minTermMonths)
      : null;
  if (
    minTermEndsAt &&
    facts.effectiveAt.getTime() < minTermEndsAt.getTime() &&
    facts.target.id !== facts.line.tariffId
  ) {
    reasons.push("MIN_TERM");
  }
  return { eligible: reasons.length === 0, reasons, minTermEndsAt };
}

/** The dealer's view: what a new subscriber can be connected to. */
export function checkCatalogueEligibility(tariff: TariffFacts): Eligibility {
  const reasons: IneligibilityReason[] = [];
  if (tariff.status !== "ACTIVE") reasons.push("TARIFF_RETIRED");
  if (!tariff.soldToNewCustomers) reasons.push("NOT_SOLD_TO_NEW_CUSTOMERS");
  return { eligible: reasons.length === 0, reasons, minTermEndsAt: null };
}
