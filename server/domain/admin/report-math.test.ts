import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTING_POLICY } from "../routing/policy.schema";
import { bucketFor, costOf, rate, roundMinutes } from "./report-math";

describe("rate", () => {
  it.each([
    [0, 0, null],
    [0, 5, 0],
    [3, 8, 0.375],
    [1, 3, 0.3333],
    [2, 3, 0.6667],
    [5, 5, 1],
  ])("%i of %i is %s", (part, whole, expected) => {
    expect(rate(part, whole)).toBe(expected);
  });
});

describe("roundMinutes", () => {
  it.each([
    [null, null],
    [12.34, 12.3],
    [12.35, 12.4],
    [0, 0],
  ])("%s → %s", (input, expected) => {
    expect(roundMinutes(input)).toBe(expected);
  });
});

describe("costOf", () => {
  it("prices self-service and agent contacts and the savings against all-by-agents", () => {
    expect(costOf({ selfServiceContacts: 6, agentContacts: 4 }, DEFAULT_ROUTING_POLICY.costPerContact)).toEqual({
      currency: "RUB",
      selfServiceUnitCents: 900,
      agentUnitCents: 72_000,
      selfServiceContacts: 6,
      agentContacts: 4,
      totalCents: 6 * 900 + 4 * 72_000,
      allAgentCents: 10 * 72_000,
      savingsCents: 10 * 72_000 - (6 * 900 + 4 * 72_000),
      perContactCents: Math.round((6 * 900 + 4 * 72_000) / 10),
    });
  });
  it("has no cost per contact without contacts", () => {
    expect(costOf({ selfServiceContacts: 0, agentContacts: 0 }, DEFAULT_ROUTING_POLICY.costPerContact)).toMatchObject({
      totalCents: 0,
      savingsCents: 0,
      perContactCents: null,
    });
  });
});

describe("bucketFor", () => {
  const day = 86_400_000;
  const from = new Date("2031-01-01T00:00:00Z");
  it.each([
    [1, "day"],
    [62, "day"],
    [63, "week"],
    [366, "week"],
    [367, "month"],
  ])("%i days → %s", (days, bucket) => {
    expect(bucketFor({ from, to: new Date(from.getTime() + (days as number) * day) })).toBe(bucket);
  });
});
