import { describe, expect, it } from "vitest";
import { normalizePhone, parseIdentifier } from "./identifier";

describe("normalizePhone", () => {
  it.each([
    ["+7 900 100-00-01", "+79001000001"],
    ["89001000001", "+79001000001"],
    ["8 (900) 100-00-01", "+79001000001"],
    ["79001000001", "+79001000001"],
    ["9001000001", "+79001000001"],
    ["+7(900)1000001", "+79001000001"],
    ["+44 20 7946 0958", "+442079460958"],
  ])("%s -> %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(["", "12345", "+7 900 100", "8900100000112", "abc", "+7 900 100 00 01 ext 5"])("refuses %j", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe("parseIdentifier", () => {
  it("treats e-mail case-insensitively", () => {
    expect(parseIdentifier("  Agent1@SelfCare.TEST ")).toEqual({ kind: "email", value: "agent1@selfcare.test" });
  });
  it("reads a phone in any common form", () => {
    expect(parseIdentifier("8 900 100 00 02")).toEqual({ kind: "phone", value: "+79001000002" });
  });
  it("refuses what is neither", () => {
    expect(parseIdentifier("not-an-id")).toBeNull();
    expect(parseIdentifier("a@b")).toBeNull();
  });
});
