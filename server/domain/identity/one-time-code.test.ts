import { describe, expect, it } from "vitest";
import {
  CODE_LIMITS,
  CODE_TTL_MS,
  codeState,
  decideCodeSend,
  generateCode,
  hashCode,
  isSameHash,
  MAX_CODE_ATTEMPTS,
  normalizeCode,
} from "./one-time-code";

const NOW = new Date("2026-12-03T12:00:00Z");
const at = (secondsFromNow: number) => new Date(NOW.getTime() + secondsFromNow * 1000);

describe("codeState: expiry, attempts, use", () => {
  const created = at(0);
  const live = { expiresAt: new Date(created.getTime() + CODE_TTL_MS), attempts: 0, usedAt: null };
  it.each([
    ["fresh", live, at(0), "LIVE"],
    ["4 min 59 s old", live, at(299), "LIVE"],
    ["exactly 5 min old", live, at(300), "EXPIRED"],
    ["an hour old", live, at(3600), "EXPIRED"],
    ["4 wrong tries", { ...live, attempts: MAX_CODE_ATTEMPTS - 1 }, at(10), "LIVE"],
    ["5 wrong tries", { ...live, attempts: MAX_CODE_ATTEMPTS }, at(10), "EXHAUSTED"],
    ["used", { ...live, usedAt: at(5) }, at(10), "USED"],
    ["used and expired", { ...live, usedAt: at(5) }, at(400), "USED"],
  ] as const)("%s is %s", (_name, code, now, expected) => {
    expect(codeState(code, now)).toBe(expected);
  });
});

describe("decideCodeSend: cooldown and hourly limits", () => {
  const none: Date[] = [];
  it.each([
    ["nothing sent yet", { toNumber: none, fromAddress: none }, { isAllowed: true, retryAfterSeconds: 60 }],
    ["sent 10 s ago", { toNumber: [at(-10)], fromAddress: none }, { isAllowed: false, retryAfterSeconds: 50 }],
    ["sent 59.5 s ago", { toNumber: [at(-59.5)], fromAddress: none }, { isAllowed: false, retryAfterSeconds: 1 }],
    ["sent 60 s ago", { toNumber: [at(-60)], fromAddress: none }, { isAllowed: true, retryAfterSeconds: 60 }],
    [
      "4 sent this hour",
      { toNumber: [at(-3000), at(-2000), at(-1000), at(-100)], fromAddress: none },
      { isAllowed: true, retryAfterSeconds: 60 },
    ],
    [
      "5 sent this hour: wait until the oldest leaves the window",
      { toNumber: [at(-3000), at(-2000), at(-1000), at(-500), at(-100)], fromAddress: none },
      { isAllowed: false, retryAfterSeconds: 600 },
    ],
    [
      "5 sent, the oldest over an hour ago",
      { toNumber: [at(-3700), at(-2000), at(-1000), at(-500), at(-100)], fromAddress: none },
      { isAllowed: true, retryAfterSeconds: 60 },
    ],
    [
      "the address has sent its hourly share",
      { toNumber: none, fromAddress: Array.from({ length: CODE_LIMITS.perAddress }, (_, i) => at(-3500 + i)) },
      { isAllowed: false, retryAfterSeconds: 100 },
    ],
    [
      "cooldown and hourly limit: the later wait wins",
      { toNumber: [at(-3590), at(-40), at(-30), at(-20), at(-10)], fromAddress: none },
      { isAllowed: false, retryAfterSeconds: 50 },
    ],
  ])("%s", (_name, sent, expected) => {
    expect(decideCodeSend(sent, NOW)).toEqual(expected);
  });
});

describe("codes", () => {
  it("are 6 digits and vary", () => {
    const codes = Array.from({ length: 50 }, generateCode);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(40);
  });

  it("hash per user and purpose, under the key", () => {
    const subject = { userId: "u1", purpose: "SIGN_IN" } as const;
    const hash = hashCode("key", subject, "123456");
    expect(hash).not.toContain("123456");
    expect(isSameHash(hash, hashCode("key", subject, "123456"))).toBe(true);
    expect(isSameHash(hash, hashCode("key", subject, "123457"))).toBe(false);
    expect(isSameHash(hash, hashCode("other", subject, "123456"))).toBe(false);
    expect(isSameHash(hash, hashCode("key", { ...subject, purpose: "RESET_PASSWORD" }, "123456"))).toBe(false);
    expect(isSameHash(hash, hashCode("key", { ...subject, userId: "u2" }, "123456"))).toBe(false);
  });

  it("accept spaces and dashes as typed", () => {
    expect(normalizeCode(" 123 456 ")).toBe("123456");
    expect(normalizeCode("123-456")).toBe("123456");
  });
});
