import type { RequestStatus } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { assertTransition, canTransition } from "./request-status";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-11-27T10:00:00Z");

describe("canTransition", () => {
  const table: [RequestStatus, RequestStatus, boolean][] = [
    ["NEW", "SELF_SERVICE", true],
    ["NEW", "QUEUED", true],
    ["NEW", "ASSIGNED", true],
    ["NEW", "RESOLVED", false],
    ["SELF_SERVICE", "RESOLVED", true],
    ["SELF_SERVICE", "QUEUED", true],
    ["SELF_SERVICE", "ASSIGNED", true],
    ["SELF_SERVICE", "IN_PROGRESS", false],
    ["QUEUED", "ASSIGNED", true],
    ["QUEUED", "SELF_SERVICE", false],
    ["ASSIGNED", "IN_PROGRESS", true],
    ["ASSIGNED", "QUEUED", true],
    ["ASSIGNED", "RESOLVED", true],
    ["IN_PROGRESS", "WAITING_CUSTOMER", true],
    ["IN_PROGRESS", "RESOLVED", true],
    ["WAITING_CUSTOMER", "IN_PROGRESS", true],
    ["WAITING_CUSTOMER", "CLOSED", true],
    ["RESOLVED", "CLOSED", true],
    ["RESOLVED", "IN_PROGRESS", false],
    ["RESOLVED", "QUEUED", false],
    ["CLOSED", "REOPENED", false],
    ["CLOSED", "QUEUED", false],
    ["REOPENED", "ASSIGNED", true],
    ["REOPENED", "RESOLVED", true],
    ["REOPENED", "CLOSED", false],
  ];
  it.each(table)("%s → %s: %s", (from, to, expected) => {
    expect(canTransition(from, to)).toBe(expected);
  });

  it.each([
    [1, true],
    [6.9, true],
    [7, true],
    [7.01, false],
    [30, false],
  ])("reopens %s days after resolution: %s", (days, expected) => {
    const resolvedAt = new Date(NOW.getTime() - days * DAY);
    expect(canTransition("RESOLVED", "REOPENED", { resolvedAt, now: NOW })).toBe(expected);
  });

  it("does not reopen without a resolution time", () => {
    expect(canTransition("RESOLVED", "REOPENED", { now: NOW })).toBe(false);
  });
});

describe("assertTransition", () => {
  it("throws CONFLICT naming both statuses", () => {
    expect(() => assertTransition("CLOSED", "QUEUED")).toThrow(AppError);
    try {
      assertTransition("CLOSED", "QUEUED");
    } catch (error) {
      expect((error as AppError).code).toBe("CONFLICT");
      expect((error as AppError).message).toBe("A request cannot go from CLOSED to QUEUED");
    }
  });
  it("explains the reopen window", () => {
    expect(() =>
      assertTransition("RESOLVED", "REOPENED", { resolvedAt: new Date(NOW.getTime() - 8 * DAY), now: NOW }),
    ).toThrow(/within 7 days/);
  });
  it("passes allowed transitions", () => {
    expect(() => assertTransition("QUEUED", "ASSIGNED")).not.toThrow();
  });
});
