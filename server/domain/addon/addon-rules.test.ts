import { describe, expect, it } from "vitest";
import { addonEndsAt, addonRefusals, refusalMessage, remainingOf } from "./addon-rules";
import { countryNames } from "./country-names";

const line = { status: "ACTIVE", kind: "MOBILE", tariffId: "trf_smart" };
const addon = { status: "ACTIVE", eligibleTariffIds: [] as string[] };

describe("addonRefusals", () => {
  it.each([
    ["an active mobile line, open add-on", line, addon, []],
    ["a listed tariff", line, { ...addon, eligibleTariffIds: ["trf_smart"] }, []],
    ["a tariff not listed", line, { ...addon, eligibleTariffIds: ["trf_start"] }, ["TARIFF_NOT_ELIGIBLE"]],
    ["a suspended line", { ...line, status: "SUSPENDED" }, addon, ["LINE_NOT_ACTIVE"]],
    ["a blocked line", { ...line, status: "BLOCKED" }, addon, ["LINE_NOT_ACTIVE"]],
    ["home internet", { ...line, kind: "HOME_INTERNET" }, addon, ["NOT_MOBILE"]],
    ["a retired add-on", line, { ...addon, status: "RETIRED" }, ["RETIRED"]],
  ])("%s", (_name, lineIn, addonIn, expected) => {
    expect(addonRefusals({ line: lineIn, addon: addonIn })).toEqual(expected);
  });

  it("says why in words", () => {
    expect(refusalMessage(["LINE_NOT_ACTIVE"])).toMatch(/not active/);
  });
});

describe("addonEndsAt", () => {
  it("adds whole days of validity from the purchase", () => {
    expect(addonEndsAt(new Date("2026-12-04T10:00:00Z"), 7).toISOString()).toBe("2026-12-11T10:00:00.000Z");
  });
});

describe("countryNames", () => {
  it.each([
    ["DE", { ru: "Германия", en: "Germany" }],
    ["KZ", { ru: "Казахстан", en: "Kazakhstan" }],
    ["XX", null],
    ["ZZ", null],
    ["de", null],
    ["DEU", null],
  ])("%s", (code, expected) => {
    expect(countryNames(code)).toEqual(expected);
  });
});

describe("remainingOf", () => {
  it.each([
    [
      { dataMb: 1000, minutes: null },
      { dataMb: 0, minutes: 0 },
      { dataMb: 1000, minutes: null },
    ],
    [
      { dataMb: 1000, minutes: 60 },
      { dataMb: 400, minutes: 60 },
      { dataMb: 600, minutes: 0 },
    ],
    [
      { dataMb: null, minutes: 100 },
      { dataMb: 0, minutes: 30 },
      { dataMb: null, minutes: 70 },
    ],
    [
      { dataMb: 100, minutes: null },
      { dataMb: 250, minutes: 0 },
      { dataMb: 0, minutes: null },
    ],
  ])("%j after %j leaves %j", (purchase, used, left) => {
    expect(remainingOf(purchase, used)).toEqual(left);
  });
});
