import { describe, expect, it } from "vitest";
import { lineStatusAfter, maxProvisioningAttempts, retryDelayMs } from "./provisioning-rules";

describe("lineStatusAfter", () => {
  it.each([
    ["BLOCK", "ACTIVE", "BLOCKED"],
    ["BLOCK", "SUSPENDED", "BLOCKED"],
    ["UNBLOCK", "BLOCKED", "ACTIVE"],
    ["UNBLOCK", "SUSPENDED", null],
    ["SUSPEND", "ACTIVE", "SUSPENDED"],
    ["SUSPEND", "BLOCKED", null],
    ["RESUME", "SUSPENDED", "ACTIVE"],
    ["RESUME", "BLOCKED", null],
    ["BLOCK", "TERMINATED", null],
    ["ADDON_ON", "ACTIVE", null],
  ] as const)("%s on a %s line gives %s", (kind, current, expected) => {
    expect(lineStatusAfter(kind, current)).toBe(expected);
  });
});

describe("retryDelayMs", () => {
  it.each([
    [1, 5_000],
    [2, 10_000],
    [3, 20_000],
    [20, 600_000],
  ])("attempt %i waits %i ms", (attempt, ms) => {
    expect(retryDelayMs(attempt)).toBe(ms);
  });
});

describe("maxProvisioningAttempts", () => {
  it.each([
    [undefined, 5],
    ["3", 3],
    ["0", 5],
    ["x", 5],
  ])("PROVISIONING_MAX_ATTEMPTS=%s gives %i", (value, expected) => {
    expect(maxProvisioningAttempts({ PROVISIONING_MAX_ATTEMPTS: value })).toBe(expected);
  });
});
