import { describe, expect, it } from "vitest";
import { amountDueCents, billStatusAfter } from "./bill-status";

const dueAt = new Date("2026-11-15T00:00:00Z");
const before = new Date("2026-11-10T12:00:00Z");
const after = new Date("2026-11-16T00:00:00Z");

describe("billStatusAfter", () => {
  it.each([
    ["nothing paid before the due date", 120_000, 0, before, false, "ISSUED"],
    ["part paid before the due date", 120_000, 50_000, before, false, "PARTIALLY_PAID"],
    ["paid in full before the due date", 120_000, 120_000, before, false, "PAID"],
    ["overpaid", 120_000, 130_000, before, false, "PAID"],
    ["nothing paid after the due date", 120_000, 0, after, false, "OVERDUE"],
    ["part paid after the due date", 120_000, 50_000, after, false, "OVERDUE"],
    ["paid in full after the due date", 120_000, 120_000, after, false, "PAID"],
    ["exactly at the due instant is not yet overdue", 120_000, 0, dueAt, false, "ISSUED"],
    ["a zero bill is paid", 0, 0, after, false, "PAID"],
    ["a credit bill (negative total) is paid", -5_000, 0, after, false, "PAID"],
    ["cancelled wins over anything", 120_000, 0, after, true, "CANCELLED"],
  ] as const)("%s", (_name, totalCents, paidCents, now, isCancelled, expected) => {
    expect(billStatusAfter({ totalCents, paidCents, dueAt, now, isCancelled })).toBe(expected);
  });
});

describe("amountDueCents", () => {
  it.each([
    [120_000, 0, 120_000],
    [120_000, 20_000, 100_000],
    [120_000, 120_000, 0],
    [120_000, 150_000, 0],
  ])("total %i paid %i leaves %i", (totalCents, paidCents, expected) => {
    expect(amountDueCents({ totalCents, paidCents })).toBe(expected);
  });
});
