import { describe, expect, it } from "vitest";
import {
  buildActivationCode,
  DEFAULT_SMDP_ADDRESS,
  isMatchingId,
  isSmdpAddress,
  newMatchingId,
  parseActivationCode,
  readSmdpAddress,
} from "./lpa";

describe("buildActivationCode", () => {
  it.each([
    ["smdp.selfcare.example", "K7QX2-M9P4T-A2B3C-D4E5F", "LPA:1$smdp.selfcare.example$K7QX2-M9P4T-A2B3C-D4E5F"],
    ["rsp.operator.ru", "ABC123", "LPA:1$rsp.operator.ru$ABC123"],
    ["sm-dp.example.com", "Q", "LPA:1$sm-dp.example.com$Q"],
  ] as const)("%s + %s", (address, matchingId, code) => {
    expect(buildActivationCode(address, matchingId)).toBe(code);
    expect(parseActivationCode(code)).toEqual({ smdpAddress: address, matchingId });
  });

  it.each([
    ["smdp", "ABC"],
    ["smdp..example", "ABC"],
    ["-smdp.example", "ABC"],
    ["smdp.example$x", "ABC"],
    ["smdp.example", ""],
    ["smdp.example", "abc"],
    ["smdp.example", "AB$C"],
    ["smdp.example", "-ABC"],
    ["smdp.example", "AB--C"],
    ["smdp.example", "A".repeat(256)],
  ] as const)("refuses %s + %s", (address, matchingId) => {
    expect(() => buildActivationCode(address, matchingId)).toThrow();
  });
});

describe("parseActivationCode", () => {
  it.each([
    "LPA:2$smdp.example$ABC",
    "LPA:1$smdp.example",
    "LPA:1$smdp.example$ABC$1",
    "lpa:1$smdp.example$ABC",
    "LPA:1$$ABC",
    "",
  ])("%s is not an activation code", (code) => {
    expect(parseActivationCode(code)).toBeNull();
  });
});

describe("newMatchingId", () => {
  it.each([0, 7, 255])("from bytes all %i: four groups of five the format allows", (byte) => {
    const matchingId = newMatchingId((count) => new Uint8Array(count).fill(byte));
    expect(matchingId).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/);
    expect(isMatchingId(matchingId)).toBe(true);
  });
});

describe("readSmdpAddress", () => {
  it.each([
    [undefined, DEFAULT_SMDP_ADDRESS],
    ["", DEFAULT_SMDP_ADDRESS],
    ["not a host", DEFAULT_SMDP_ADDRESS],
    [" rsp.operator.ru ", "rsp.operator.ru"],
  ] as const)("ESIM_SMDP_ADDRESS=%s gives %s", (value, address) => {
    expect(readSmdpAddress({ ESIM_SMDP_ADDRESS: value })).toBe(address);
    expect(isSmdpAddress(address)).toBe(true);
  });
});
