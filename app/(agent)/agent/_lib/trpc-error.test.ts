import { describe, expect, it } from "vitest";
import { failureOf, newIdempotencyKey, parseRoubles } from "./trpc-error";

describe("parseRoubles", () => {
  it.each([
    ["150", 15_000],
    ["150,5", 15_050],
    ["150.05", 15_005],
    ["1 234,56", 123_456],
    ["0,01", 1],
    ["0", 0],
    ["", null],
    ["-5", null],
    ["1,234", null],
    ["12.345", null],
    ["abc", null],
    ["100000000", null],
  ])("%j → %s", (input, cents) => {
    expect(parseRoubles(input)).toBe(cents);
  });
});

describe("failureOf", () => {
  it("reads the code and field errors of a tRPC client error", () => {
    expect(
      failureOf({
        message: "Invalid input: amountCents",
        data: { code: "BAD_REQUEST", fields: { amountCents: "Too large" } },
      }),
    ).toEqual({
      code: "BAD_REQUEST",
      message: "Invalid input: amountCents",
      fields: { amountCents: "Too large" },
    });
    expect(failureOf(new Error("Failed to fetch"))).toEqual({
      code: "INTERNAL_SERVER_ERROR",
      message: "Failed to fetch",
      fields: {},
    });
    expect(failureOf(null)).toBeNull();
  });
});

describe("newIdempotencyKey", () => {
  it("is fresh each time and fits the server's 8..100 characters", () => {
    const a = newIdempotencyKey("reply");
    const b = newIdempotencyKey("reply");
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(8);
    expect(a.length).toBeLessThanOrEqual(100);
  });
});
