import { describe, expect, it } from "vitest";
import { slaStateOf, splitDuration } from "./sla";

const now = new Date("2026-11-27T12:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe("slaStateOf", () => {
  it.each([
    // started, due, first response, expected state, minutes left
    [-60, null, null, "NONE", null],
    [-60, 60, null, "OK", 60],
    [-60, 20, null, "NEAR", 20], // 20 of 80 minutes left: the last quarter
    [-300, 70, null, "NEAR", 70], // 70 < 25 % of 370
    [-2000, 150, null, "OK", 150], // a day-long window: near only in the last 2 hours
    [-2000, 100, null, "NEAR", 100],
    [-10, 5, null, "NEAR", 5], // a short window: the last 10 minutes still count
    [-30, 12, null, "OK", 12],
    [-60, 0, null, "BREACHED", 0],
    [-60, -30, null, "BREACHED", -30],
    [-60, 60, -30, "MET", null],
    [-60, -10, -5, "LATE_RESPONSE", null],
  ] as const)("started %i min ago, due in %s min, answered at %s → %s", (started, due, answered, state, left) => {
    const result = slaStateOf({
      startedAt: at(started),
      slaDueAt: due === null ? null : at(due),
      firstResponseAt: answered === null ? null : at(answered),
      now,
    });
    expect(result.state).toBe(state);
    expect(result.msLeft === null ? null : Math.round(result.msLeft / 60_000)).toBe(left);
  });
});

describe("splitDuration", () => {
  it.each([
    [0, { days: 0, hours: 0, minutes: 0 }],
    [59_999, { days: 0, hours: 0, minutes: 0 }],
    [65 * 60_000, { days: 0, hours: 1, minutes: 5 }],
    [-(26 * 60 + 3) * 60_000, { days: 1, hours: 2, minutes: 3 }],
  ])("%i ms → %o", (ms, parts) => {
    expect(splitDuration(ms)).toEqual(parts);
  });
});
