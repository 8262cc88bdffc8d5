import { describe, expect, it } from "vitest";
import { lastDays, rangeFromParams } from "./range";

describe("report ranges", () => {
  it("counts today as the last of the days", () => {
    expect(lastDays(30, new Date("2031-03-31T15:00:00Z"))).toEqual({ from: "2031-03-02", to: "2031-03-31" });
    expect(lastDays(1, new Date("2031-03-31T15:00:00Z"))).toEqual({ from: "2031-03-31", to: "2031-03-31" });
  });
  it.each([
    ["2031-03-01", "2031-03-31", { from: "2031-03-01", to: "2031-03-31" }],
    ["2031-03-31", "2031-03-01", null],
    ["2031-3-1", "2031-03-31", null],
    [null, "2031-03-31", null],
    ["2031-02-30x", "2031-03-31", null],
  ])("rangeFromParams(%s, %s)", (from, to, expected) => {
    expect(rangeFromParams(from, to)).toEqual(expected);
  });
});
