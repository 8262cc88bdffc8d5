import { describe, expect, it } from "vitest";
import { parseRoubles } from "./money-input";

describe("parseRoubles", () => {
  it.each([
    ["300", 30_000],
    ["1250,50", 125_050],
    ["1 250.5", 125_050],
    ["0,07", 7],
    ["1250 ₽", 125_000],
    ["", null],
    ["abc", null],
    ["-5", null],
    ["1,234,5", null],
    ["12.345", null],
  ])("%j → %j", (text, cents) => {
    expect(parseRoubles(text)).toBe(cents);
  });
});
