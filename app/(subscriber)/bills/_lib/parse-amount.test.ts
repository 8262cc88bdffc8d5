import { describe, expect, it } from "vitest";
import { parseRublesToKopecks } from "./parse-amount";

describe("parseRublesToKopecks", () => {
  it.each([
    ["150", 15_000],
    ["150,5", 15_050],
    ["150.05", 15_005],
    ["1 500,50 ₽", 150_050],
    ["0,13", 13],
    ["", null],
    ["abc", null],
    ["1,234", null],
    ["-5", null],
    ["1e3", null],
  ])("%j is %s", (text, expected) => {
    expect(parseRublesToKopecks(text)).toBe(expected);
  });
});
