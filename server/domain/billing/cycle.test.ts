import { describe, expect, it } from "vitest";
import { currentCycle } from "./cycle";

describe("currentCycle", () => {
  it.each([
    ["2026-11-26T10:00:00Z", 1, "2026-11-01", "2026-12-01"],
    ["2026-11-01T00:00:00Z", 1, "2026-11-01", "2026-12-01"],
    ["2026-12-31T23:59:59Z", 1, "2026-12-01", "2027-01-01"],
    ["2026-11-14T12:00:00Z", 15, "2026-10-15", "2026-11-15"],
    ["2026-01-10T12:00:00Z", 15, "2025-12-15", "2026-01-15"],
  ])("at %s with billing day %i runs %s..%s", (now, day, start, end) => {
    const cycle = currentCycle(day, new Date(now));
    expect(cycle.start.toISOString().slice(0, 10)).toBe(start);
    expect(cycle.end.toISOString().slice(0, 10)).toBe(end);
  });
});
