import { describe, expect, it } from "vitest";
import { activationExpiry, deriveActivationCode, normalizeActivationCode } from "./activation-code";

const expires = new Date("2026-12-04T10:00:00.000Z");

describe("deriveActivationCode", () => {
  it("gives the same code for the same issue, so a replayed registration shows it again", () => {
    expect(deriveActivationCode("key", "usr_1", expires)).toBe(deriveActivationCode("key", "usr_1", expires));
  });

  it.each([
    ["another login", "key", "usr_2", expires],
    ["a new issue (new expiry)", "key", "usr_1", new Date(expires.getTime() + 1)],
    ["another key", "other-key", "usr_1", expires],
  ])("differs for %s", (_label, key, userId, at) => {
    expect(deriveActivationCode(key, userId, at)).not.toBe(deriveActivationCode("key", "usr_1", expires));
  });

  it("uses 8 characters that cannot be misread (no 0/O, 1/I/L)", () => {
    for (let i = 0; i < 200; i++) {
      expect(deriveActivationCode("key", `usr_${i}`, expires)).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    }
  });
});

describe("normalizeActivationCode", () => {
  it.each([
    ["K7QF-3M9P", "K7QF-3M9P"],
    ["k7qf3m9p", "K7QF-3M9P"],
    [" k7qf 3m9p ", "K7QF-3M9P"],
    ["K7QF—3M9P", "K7QF-3M9P"],
    ["K7QF", "K7QF"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeActivationCode(input)).toBe(expected);
  });
});

describe("activationExpiry", () => {
  it("is seven days after the issue", () => {
    expect(activationExpiry(new Date("2026-11-27T00:00:00Z")).toISOString()).toBe("2026-12-04T00:00:00.000Z");
  });
});
