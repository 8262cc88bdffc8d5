import { describe, expect, it } from "vitest";
import { deriveKey, open, seal } from "./secret-box";

describe("secret box (AES-256-GCM, key from the app secret)", () => {
  const key = deriveKey("app-signing-secret", "totp-secret-v1");

  it("opens what it sealed, for the same user only", () => {
    const sealed = seal(key, "JBSWY3DPEHPK3PXPJBSWY3DP", "usr_1");
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("JBSWY3DP");
    expect(open(key, sealed, "usr_1")).toBe("JBSWY3DPEHPK3PXPJBSWY3DP");
    expect(open(key, sealed, "usr_2")).toBeNull();
  });

  it("a fresh IV each time; another secret, purpose or a changed byte does not open", () => {
    const first = seal(key, "secret", "usr_1");
    expect(seal(key, "secret", "usr_1")).not.toBe(first);
    expect(open(deriveKey("another-secret", "totp-secret-v1"), first, "usr_1")).toBeNull();
    expect(open(deriveKey("app-signing-secret", "other-purpose"), first, "usr_1")).toBeNull();
    const [version, iv, tag, body] = first.split(".") as [string, string, string, string];
    const flipped = Buffer.from(body, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(open(key, [version, iv, tag, flipped.toString("base64url")].join("."), "usr_1")).toBeNull();
    expect(open(key, "not sealed", "usr_1")).toBeNull();
  });

  it("refuses to derive from an empty secret", () => {
    expect(() => deriveKey("", "totp-secret-v1")).toThrow();
  });
});
