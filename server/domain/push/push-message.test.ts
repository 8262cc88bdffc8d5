import { describe, expect, it } from "vitest";
import {
  buildPushMessage,
  classifyPushFailure,
  MAX_PUSH_ATTEMPTS,
  pushRetryDelayMs,
  safeNotificationUrl,
} from "./push-message";

describe("classifyPushFailure", () => {
  it.each([
    [404, "GONE"],
    [410, "GONE"],
    [429, "RETRY"],
    [500, "RETRY"],
    [502, "RETRY"],
    [503, "RETRY"],
    [undefined, "RETRY"],
    [400, "DROP"],
    [401, "DROP"],
    [403, "DROP"],
    [413, "DROP"],
  ] as const)("status %s → %s", (status, outcome) => {
    expect(classifyPushFailure(status)).toBe(outcome);
  });
});

describe("safeNotificationUrl", () => {
  it.each([
    ["/bills/abc", "/bills/abc"],
    ["/requests/r1?tab=messages", "/requests/r1?tab=messages"],
    [null, "/"],
    ["", "/"],
    ["https://evil.example/phish", "/"],
    ["//evil.example/phish", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
  ])("%s → %s", (url, expected) => {
    expect(safeNotificationUrl(url)).toBe(expected);
  });
});

describe("buildPushMessage", () => {
  it("keeps what the notification says and where it leads", () => {
    expect(
      buildPushMessage({
        id: "n1",
        kind: "BILL_ISSUED",
        title: "Счёт за ноябрь",
        body: "К оплате 1 250,00 ₽",
        url: "/bills/b1",
      }),
    ).toEqual({
      id: "n1",
      kind: "BILL_ISSUED",
      title: "Счёт за ноябрь",
      body: "К оплате 1 250,00 ₽",
      url: "/bills/b1",
    });
  });

  it("shortens a long body so the payload fits a push message", () => {
    const message = buildPushMessage({
      id: "n1",
      kind: "AGENT_REPLY",
      title: "t".repeat(500),
      body: "б".repeat(5000),
      url: null,
    });
    expect(message.title.length).toBe(120);
    expect(message.body.length).toBe(600);
    expect(message.body.endsWith("…")).toBe(true);
    expect(new TextEncoder().encode(JSON.stringify(message)).length).toBeLessThan(3000);
    expect(message.url).toBe("/");
  });
});

describe("pushRetryDelayMs", () => {
  it.each([
    [1, 30_000],
    [2, 120_000],
    [3, 480_000],
    [4, 1_920_000],
    [5, 3_600_000],
    [9, 3_600_000],
  ])("attempt %i waits %i ms", (attempt, delay) => {
    expect(pushRetryDelayMs(attempt)).toBe(delay);
  });

  it("gives up after a bounded number of attempts", () => {
    expect(MAX_PUSH_ATTEMPTS).toBeGreaterThan(1);
    expect(MAX_PUSH_ATTEMPTS).toBeLessThanOrEqual(10);
  });
});
