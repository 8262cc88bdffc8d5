import { describe, expect, it } from "vitest";
import {
  checkTotp,
  DEMO_TOTP_SECRET,
  demoTotpCode,
  hashRecoveryCode,
  looksLikeTotp,
  needsSecondFactor,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  totpCodeAt,
  totpStepAt,
  totpUri,
} from "./totp";

// The middle of a step, so that ±N steps are whole steps away whatever the rounding.
const AT = new Date(Date.UTC(2026, 11, 3, 12, 0, 15));
const STEP = totpStepAt(AT);
const shifted = (steps: number, seconds = 0) => new Date(AT.getTime() + steps * 30_000 + seconds * 1000);

describe("TOTP windows (RFC 6238, 30 s, ±1 step)", () => {
  it.each([
    { codeFrom: -2, accepted: false },
    { codeFrom: -1, accepted: true },
    { codeFrom: 0, accepted: true },
    { codeFrom: 1, accepted: true },
    { codeFrom: 2, accepted: false },
    { codeFrom: 3, accepted: false },
  ])("a code of step $codeFrom from the server's: accepted $accepted", async ({ codeFrom, accepted }) => {
    const secret = newTotpSecret();
    const code = await totpCodeAt(secret, shifted(codeFrom));
    const result = await checkTotp(secret, code, AT);
    expect(result.ok).toBe(accepted);
    if (result.ok) expect(result.step).toBe(STEP + codeFrom);
  });

  it.each([
    { lastUsed: null, codeFrom: 0, accepted: true },
    { lastUsed: STEP - 1, codeFrom: 0, accepted: true },
    { lastUsed: STEP, codeFrom: 0, accepted: false }, // the same code again: a replay
    { lastUsed: STEP, codeFrom: -1, accepted: false }, // an older code after a newer one
    { lastUsed: STEP, codeFrom: 1, accepted: true }, // the next code, a step early
    { lastUsed: STEP + 1, codeFrom: 1, accepted: false },
  ])("after step $lastUsed was used, a code of step $codeFrom: accepted $accepted", async (row) => {
    const secret = newTotpSecret();
    const code = await totpCodeAt(secret, shifted(row.codeFrom));
    expect((await checkTotp(secret, code, AT, row.lastUsed)).ok).toBe(row.accepted);
  });

  it("refuses another secret's code, malformed codes, and accepts spaces", async () => {
    const secret = newTotpSecret();
    const code = await totpCodeAt(secret, AT);
    expect((await checkTotp(newTotpSecret(), code, AT)).ok).toBe(false);
    for (const bad of ["", "12345", "1234567", "abcdef", `${code}0`]) {
      expect((await checkTotp(secret, bad, AT)).ok).toBe(false);
    }
    expect((await checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, AT)).ok).toBe(true);
  });

  it("the step edges: a code is good from its step's first second to the last second of the next", async () => {
    const secret = newTotpSecret();
    const stepStart = new Date(STEP * 30_000);
    const code = await totpCodeAt(secret, stepStart);
    expect((await checkTotp(secret, code, new Date(stepStart.getTime() + 59_999))).ok).toBe(true);
    expect((await checkTotp(secret, code, new Date(stepStart.getTime() + 60_000))).ok).toBe(false);
    expect((await checkTotp(secret, code, new Date(stepStart.getTime() - 30_000))).ok).toBe(true);
    expect((await checkTotp(secret, code, new Date(stepStart.getTime() - 30_001))).ok).toBe(false);
  });
});

describe("the demo secret", () => {
  it("is the RFC 6238 TOTP of SELFCAREDEMOTOTP (base32, SHA-1, 6 digits, 30 s)", async () => {
    // Independent of otplib: HOTP (RFC 4226) over the decoded secret and the step counter.
    const { createHmac } = await import("node:crypto");
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const bits = [...DEMO_TOTP_SECRET].map((char) => alphabet.indexOf(char).toString(2).padStart(5, "0")).join("");
    const key = Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(STEP));
    const mac = createHmac("sha1", key).update(counter).digest();
    const offset = mac[19]! & 0xf;
    const expected = String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
    expect(await demoTotpCode(AT)).toBe(expected);
  });

  it("makes an otpauth URI that authenticator apps read", () => {
    const uri = new URL(totpUri(DEMO_TOTP_SECRET, "agent1@selfcare.test"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Selfcare:agent1@selfcare.test");
    expect(uri.searchParams.get("secret")).toBe(DEMO_TOTP_SECRET);
    expect(uri.searchParams.get("issuer")).toBe("Selfcare");
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes, XXXXX-XXXXX, hashed however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$/);
    const [code] = codes as [string];
    expect(hashRecoveryCode(code.toLowerCase().replace("-", " "))).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).not.toBe(hashRecoveryCode(codes[1]!));
    expect(normalizeRecoveryCode(" ab2cd-efg3h ")).toBe("AB2CDEFG3H");
  });

  it.each([
    ["123456", true],
    ["123 456", true],
    ["12345", false],
    ["ABCDE-23456", false],
  ])("%s looks like a TOTP code: %s", (input, expected) => {
    expect(looksLikeTotp(input)).toBe(expected);
  });
});

describe("who needs a second factor", () => {
  it.each([
    ["SUBSCRIBER", false],
    ["AGENT", true],
    ["PARTNER", true],
    ["ADMIN", true],
  ] as const)("%s: %s", (role, expected) => {
    expect(needsSecondFactor(role)).toBe(expected);
  });
});
