import { describe, expect, it } from "vitest";
import { isReviewDue, MAX_RECONCILE_ATTEMPTS, reconcileRetryDelayMs } from "./reconcile-rules";

const MINUTE = 60_000;

describe("reconcile backoff", () => {
  it.each([
    [1, 1 * MINUTE],
    [2, 2 * MINUTE],
    [3, 4 * MINUTE],
    [6, 32 * MINUTE],
    [7, 60 * MINUTE],
    [40, 60 * MINUTE],
  ])("after %i tries waits %i ms", (attempts, delay) => {
    expect(reconcileRetryDelayMs(attempts)).toBe(delay);
  });

  it("hands the payment to a supervisor at the bound, not before", () => {
    expect(isReviewDue(MAX_RECONCILE_ATTEMPTS - 1)).toBe(false);
    expect(isReviewDue(MAX_RECONCILE_ATTEMPTS)).toBe(true);
  });
});
