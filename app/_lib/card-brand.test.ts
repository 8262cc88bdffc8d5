import { describe, expect, it } from "vitest";
import { cardBrandName } from "./card-brand";

describe("cardBrandName", () => {
  it.each([
    ["visa", "Visa"],
    ["mastercard", "Mastercard"],
    ["mir", "Мир"],
    ["amex", "amex"],
  ])("%s -> %s", (brand, name) => {
    expect(cardBrandName(brand)).toBe(name);
  });
});
