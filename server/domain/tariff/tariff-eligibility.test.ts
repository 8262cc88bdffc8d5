import { describe, expect, it } from "vitest";
import {
  checkCatalogueEligibility,
  checkEligibility,
  type EligibilityFacts,
  type TariffFacts,
} from "./tariff-eligibility";

const smart: TariffFacts = {
  id: "smart",
  status: "ACTIVE",
  kind: "MOBILE",
  openToSegments: [],
  minTermMonths: 0,
  soldToNewCustomers: true,
};
const premium: TariffFacts = { ...smart, id: "premium", openToSegments: ["PLATINUM", "GOLD"], minTermMonths: 6 };
const classic: TariffFacts = { ...smart, id: "classic", status: "RETIRED", soldToNewCustomers: false };
const home: TariffFacts = { ...smart, id: "home", kind: "HOME_INTERNET" };
const loyal: TariffFacts = {
  ...smart,
  id: "loyal",
  openToSegments: ["PLATINUM", "GOLD", "SILVER"],
  soldToNewCustomers: false,
};

const now = new Date("2026-11-26T10:00:00Z");
const base: EligibilityFacts = {
  customer: { status: "ACTIVE", segment: "SILVER" },
  line: { status: "ACTIVE", kind: "MOBILE", tariffId: "start", tariffSince: new Date("2025-01-10T00:00:00Z") },
  currentTariff: { minTermMonths: 0 },
  target: smart,
  hasPendingChange: false,
  effectiveAt: now,
};

describe("checkEligibility", () => {
  it.each<[string, Partial<EligibilityFacts>, string[]]>([
    ["an open tariff for an active line", {}, []],
    ["a segment tariff for a customer in the segment", { target: loyal }, []],
    ["a segment tariff for a customer outside it", { target: premium }, ["SEGMENT_NOT_ALLOWED"]],
    ["PLATINUM may take PREMIUM", { target: premium, customer: { status: "ACTIVE", segment: "PLATINUM" } }, []],
    ["the tariff the line already has", { line: { ...base.line, tariffId: "smart" } }, ["SAME_TARIFF"]],
    ["a retired tariff", { target: classic }, ["TARIFF_RETIRED"]],
    ["home internet for a mobile line", { target: home }, ["WRONG_SERVICE_KIND"]],
    ["a suspended line", { line: { ...base.line, status: "SUSPENDED" } }, ["LINE_NOT_ACTIVE"]],
    ["a suspended customer", { customer: { status: "SUSPENDED", segment: "SILVER" } }, ["CUSTOMER_NOT_ACTIVE"]],
    ["a pending change", { hasPendingChange: true }, ["PENDING_CHANGE"]],
    [
      "inside the minimum term of the current tariff",
      { currentTariff: { minTermMonths: 6 }, line: { ...base.line, tariffSince: new Date("2026-08-01T00:00:00Z") } },
      ["MIN_TERM"],
    ],
    [
      "the minimum term ends before the change takes effect",
      {
        currentTariff: { minTermMonths: 3 },
        line: { ...base.line, tariffSince: new Date("2026-08-31T00:00:00Z") },
        effectiveAt: new Date("2026-12-01T00:00:00Z"),
      },
      [],
    ],
    [
      "the minimum term ends exactly when the change takes effect",
      {
        currentTariff: { minTermMonths: 3 },
        line: { ...base.line, tariffSince: new Date("2026-09-01T00:00:00Z") },
        effectiveAt: new Date("2026-12-01T00:00:00Z"),
      },
      [],
    ],
    [
      "everything wrong at once",
      {
        target: { ...premium, status: "RETIRED", kind: "HOME_INTERNET" },
        hasPendingChange: true,
        line: { ...base.line, status: "TERMINATED" },
      },
      ["LINE_NOT_ACTIVE", "TARIFF_RETIRED", "WRONG_SERVICE_KIND", "SEGMENT_NOT_ALLOWED", "PENDING_CHANGE"],
    ],
  ])("%s", (_name, override, reasons) => {
    const result = checkEligibility({ ...base, ...override });
    expect(result.reasons).toEqual(reasons);
    expect(result.eligible).toBe(reasons.length === 0);
  });

  it("tells when the minimum term ends, clamped to the month's last day", () => {
    const result = checkEligibility({
      ...base,
      currentTariff: { minTermMonths: 1 },
      line: { ...base.line, tariffSince: new Date("2027-01-31T00:00:00Z") },
    });
    expect(result.minTermEndsAt?.toISOString().slice(0, 10)).toBe("2027-02-28");
  });
});

describe("checkCatalogueEligibility", () => {
  it.each<[string, TariffFacts, string[]]>([
    ["an open tariff", smart, []],
    ["a retired tariff", classic, ["TARIFF_RETIRED", "NOT_SOLD_TO_NEW_CUSTOMERS"]],
    ["existing subscribers only", loyal, ["NOT_SOLD_TO_NEW_CUSTOMERS"]],
  ])("%s", (_name, tariff, reasons) => {
    expect(checkCatalogueEligibility(tariff).reasons).toEqual(reasons);
  });
});
