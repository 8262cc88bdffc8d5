import { describe, expect, it } from "vitest";
import { adjustmentError, decideAdjustment } from "./adjustment-rules";

describe("decideAdjustment", () => {
  it.each([
    // amount, already applied on the bill, limit, role, decision
    [-10_000, 0, 50_000, "AGENT", "APPLY"],
    [-50_000, 0, 50_000, "AGENT", "APPLY"],
    [-50_001, 0, 50_000, "AGENT", "NEEDS_APPROVAL"],
    [50_001, 0, 50_000, "AGENT", "NEEDS_APPROVAL"],
    [30_000, 0, 50_000, "AGENT", "APPLY"],
    [-30_000, -20_000, 50_000, "AGENT", "APPLY"],
    [-30_000, -20_001, 50_000, "AGENT", "NEEDS_APPROVAL"],
    [-1, 0, 0, "AGENT", "NEEDS_APPROVAL"],
    [-900_000, 0, 50_000, "ADMIN", "APPLY"],
  ] as const)(
    "%i with %i already applied, limit %i, by %s → %s",
    (amountCents, unapprovedAppliedCents, limitCents, role, decision) => {
      expect(decideAdjustment({ amountCents, unapprovedAppliedCents, limitCents, role }).decision).toBe(decision);
    },
  );

  it("says why it needs approval", () => {
    expect(
      decideAdjustment({ amountCents: -60_000, unapprovedAppliedCents: 0, limitCents: 50_000, role: "AGENT" }).reason,
    ).toMatch(/above the agent limit of 50000/i);
  });
});

describe("adjustmentError", () => {
  it.each([
    [{ status: "ISSUED", totalCents: 100_000 }, -100_000, null],
    [{ status: "PAID", totalCents: 100_000 }, -5_000, null],
    [{ status: "OVERDUE", totalCents: 100_000 }, 5_000, null],
    [{ status: "ISSUED", totalCents: 100_000 }, -100_001, "A credit cannot exceed the bill total"],
    [{ status: "CANCELLED", totalCents: 100_000 }, -5_000, "A cancelled bill cannot be adjusted"],
    [{ status: "ISSUED", totalCents: 100_000 }, 0, "The amount cannot be zero"],
  ])("%o adjusted by %i → %s", (bill, amount, error) => {
    expect(adjustmentError(bill, amount)).toBe(error);
  });
});
