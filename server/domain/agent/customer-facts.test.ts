import { describe, expect, it } from "vitest";
import { maskDocument, monthsBetween } from "./customer-facts";

describe("maskDocument", () => {
  it.each([
    ["4503 418275", "•••• ••8275"],
    ["4503418275", "•••• ••8275"],
    ["12", "••••"],
    [null, null],
  ])("%j → %j", (document, masked) => {
    expect(maskDocument(document)).toBe(masked);
  });
});

describe("monthsBetween", () => {
  it.each([
    ["2020-01-15", "2020-01-20", 0],
    ["2020-01-15", "2020-02-14", 0],
    ["2020-01-15", "2020-02-15", 1],
    ["2017-03-17", "2026-11-27", 116],
    ["2026-11-27", "2026-01-01", 0],
  ])("%s to %s is %i months", (from, to, months) => {
    expect(monthsBetween(new Date(from), new Date(to))).toBe(months);
  });
});
