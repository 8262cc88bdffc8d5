import { describe, expect, it } from "vitest";
import { brandOf, isExpiryValid, isLuhnValid, tokenizeTestCard } from "./test-card-tokenizer";

describe("test card form", () => {
  it.each([
    ["4242 4242 4242 4242", true, "visa", "tok_visa_4242"],
    ["5555 5555 5555 4444", true, "mastercard", "tok_mastercard_4444"],
    ["2200 0000 0000 0004", true, "mir", "tok_mir_0004"],
    ["4000 0000 0000 0002", true, "visa", "tok_decline"],
    ["4000 0000 0000 9995", true, "visa", "tok_insufficient_funds"],
    ["4242 4242 4242 4241", false, "visa", "tok_visa_4241"],
  ] as const)("%s: Luhn %s, %s, token %s", (number, isValid, brand, token) => {
    expect(isLuhnValid(number)).toBe(isValid);
    expect(brandOf(number)).toBe(brand);
    expect(tokenizeTestCard(number)).toBe(token);
  });

  it("never puts more than the last four digits into a token", () => {
    expect(tokenizeTestCard("4242424242424242")).not.toMatch(/\d{5,}/);
  });

  it.each([
    ["12/26", "2026-11-27", true],
    ["11/26", "2026-11-27", true],
    ["10/26", "2026-11-27", false],
    ["13/30", "2026-11-27", false],
    ["1/30", "2026-11-27", false],
  ])("expiry %s on %s is valid: %s", (expiry, now, expected) => {
    expect(isExpiryValid(expiry, new Date(now))).toBe(expected);
  });
});
