import { describe, expect, it } from "vitest";
import { slaActionFor, slaWarningAt, type SlaAction, type SlaState } from "./sla";

const MIN = 60_000;
const start = new Date("2026-11-27T10:00:00Z");
const state = (overrides: Partial<SlaState> = {}): SlaState => ({
  priority: 3,
  startedAt: start,
  slaDueAt: new Date(start.getTime() + 240 * MIN),
  slaWarnedAt: null,
  ...overrides,
});
const at = (minutes: number) => new Date(start.getTime() + minutes * MIN);

describe("slaWarningAt", () => {
  it.each([
    [240, 180],
    [60, 45],
    [15, 10],
    [4, -1],
  ])("a %i-minute SLA warns at minute %i", (window, warnAt) => {
    expect(slaWarningAt({ startedAt: start, slaDueAt: at(window) })).toEqual(at(warnAt));
  });
});

describe("slaActionFor", () => {
  const table: [string, Partial<SlaState>, number, SlaAction][] = [
    ["early", {}, 10, { kind: "NONE" }],
    ["just before the warning", {}, 179, { kind: "NONE" }],
    ["at the warning", {}, 180, { kind: "WARN", priority: 2 }],
    ["near the due time", {}, 230, { kind: "WARN", priority: 2 }],
    ["near, already warned", { slaWarnedAt: at(181), priority: 2 }, 230, { kind: "NONE" }],
    ["near, already at priority 1", { priority: 1 }, 230, { kind: "WARN", priority: 1 }],
    ["at the due time", { slaWarnedAt: at(181), priority: 2 }, 240, { kind: "BREACH", priority: 2 }],
    ["past due, never warned", {}, 300, { kind: "BREACH", priority: 2 }],
  ];
  it.each(table)("%s", (_name, overrides, minute, expected) => {
    expect(slaActionFor(state(overrides), at(minute))).toEqual(expected);
  });
});
