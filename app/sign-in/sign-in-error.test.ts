import { describe, expect, it } from "vitest";
import { parseSignInError, safeCallbackUrl } from "./sign-in-error";

describe("parseSignInError", () => {
  it("reads the server's codes", () => {
    expect(parseSignInError("INVALID")).toEqual({ kind: "invalid" });
    expect(parseSignInError("ACCOUNT_LOCKED")).toEqual({ kind: "locked" });
    expect(parseSignInError("TOTP_REQUIRED")).toEqual({ kind: "totpRequired" });
    expect(parseSignInError("TOTP_INVALID")).toEqual({ kind: "totpInvalid" });
    expect(parseSignInError("CODE_REQUIRED")).toEqual({ kind: "codeRequired" });
    expect(parseSignInError("PASSKEY_INVALID")).toEqual({ kind: "passkeyInvalid" });
    expect(parseSignInError("THROTTLED:2026-11-26T10:15:00.000Z")).toEqual({
      kind: "throttled",
      retryAt: new Date("2026-11-26T10:15:00.000Z"),
    });
  });

  it("treats anything else as a failure to sign in", () => {
    expect(parseSignInError("THROTTLED:soon")).toEqual({ kind: "failed" });
    expect(parseSignInError("Configuration")).toEqual({ kind: "failed" });
    expect(parseSignInError(undefined)).toEqual({ kind: "failed" });
  });
});

describe("safeCallbackUrl", () => {
  it.each([
    ["/bills?page=2", "/bills?page=2"],
    ["https://evil.example/", undefined],
    ["//evil.example/", undefined],
    ["/\\evil.example/", undefined],
    [["/a", "/b"], undefined],
    [undefined, undefined],
  ])("%s becomes %s", (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });
});
