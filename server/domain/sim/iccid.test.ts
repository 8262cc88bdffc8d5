import { describe, expect, it } from "vitest";
import { iccidProblem, luhnCheckDigit, newIccid, normalizeIccid } from "./iccid";

describe("luhnCheckDigit", () => {
  it.each([
    ["7992739871", 3],
    ["8901410321111851072", 0],
    ["8970101234567890123", 4],
    ["0", 0],
  ] as const)("of %s is %i", (digits, check) => {
    expect(luhnCheckDigit(digits)).toBe(check);
  });
});

describe("iccidProblem", () => {
  it.each([
    ["89014103211118510720", null],
    ["89701012345678901234", null],
    ["8970101234567890123", null],
    ["89014103211118510721", "CHECK_DIGIT"],
    ["89014103211118510702", "CHECK_DIGIT"],
    ["8901410321111851073", "CHECK_DIGIT"],
    ["890141032111185107", "LENGTH"],
    ["890141032111185107200", "LENGTH"],
    ["79014103211118510720", "NOT_TELECOM"],
    ["8901410321111851072O", "NOT_DIGITS"],
    ["", "NOT_DIGITS"],
  ] as const)("%s: %s", (iccid, problem) => {
    expect(iccidProblem(iccid)).toBe(problem);
  });

  it("accepts what a dealer types with spaces and dashes once normalized", () => {
    expect(iccidProblem(normalizeIccid("8901 4103 2111 1851 0720"))).toBeNull();
    expect(iccidProblem(normalizeIccid("89014103-21111851-0720"))).toBeNull();
  });
});

describe("newIccid", () => {
  it.each(["0000000000000", "9999999999999", "1234567890123"])("from %s is a valid 19-digit ICCID", (digits) => {
    const iccid = newIccid(() => digits);
    expect(iccid).toHaveLength(19);
    expect(iccid.startsWith(`89701${digits}`)).toBe(true);
    expect(iccidProblem(iccid)).toBeNull();
  });
});
