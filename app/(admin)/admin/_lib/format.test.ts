import { describe, expect, it } from "vitest";
import { formatShare, isoDay, pointsBetween, splitMinutes } from "./format";

describe("admin formatting", () => {
  it.each([
    [0.1866, "en", "18.7%"],
    [1, "en", "100%"],
    [null, "en", "—"],
  ])("formatShare(%s, %s) = %s", (share, locale, text) => {
    expect(formatShare(share, locale)).toBe(text);
  });
  it("formats Russian percentages with a comma", () => {
    expect(formatShare(0.1866, "ru").replace(/\s/g, " ")).toBe("18,7 %");
  });
  it("splits minutes and measures points", () => {
    expect(splitMinutes(175.1)).toEqual({ hours: 2, minutes: 55 });
    expect(pointsBetween(0.25, 0.2)).toBe(5);
    expect(pointsBetween(null, 0.2)).toBeNull();
    expect(isoDay(new Date("2031-01-05T23:00:00Z"))).toBe("2031-01-05");
  });
});
