import { describe, expect, it } from "vitest";
import { decideTestCharge } from "./test-provider";

const charge = async (token: string | undefined, amountCents = 10_000, idempotencyKey = "key-00000001") =>
  decideTestCharge({ amountCents, currency: "RUB", token, idempotencyKey, description: "test" });

describe("test payment provider", () => {
  it.each([
    ["a Visa token", "tok_visa_4242", 10_000, "SUCCEEDED", "4242", undefined],
    ["a Mir token", "tok_mir_0001", 10_000, "SUCCEEDED", "0001", undefined],
    ["the card on file", undefined, 10_000, "SUCCEEDED", "4242", undefined],
    ["the decline token", "tok_decline", 10_000, "DECLINED", "0002", "card_declined"],
    ["the contract's paying token", "tok_visa", 10_000, "SUCCEEDED", "4242", undefined],
    ["the contract's declining token", "tok_declined", 10_000, "DECLINED", "0002", "card_declined"],
    ["insufficient funds", "tok_insufficient_funds", 10_000, "DECLINED", "0002", "insufficient_funds"],
    ["an amount ending in 13 kopecks", "tok_visa_4242", 10_013, "DECLINED", "4242", "amount_declined"],
    ["an unknown token", "tok_bogus", 10_000, "DECLINED", null, "invalid_token"],
  ] as const)("%s", async (_name, token, amount, status, last4, reason) => {
    const result = await charge(token, amount);
    expect(result.status).toBe(status);
    expect(result.cardLast4).toBe(last4);
    expect(result.status === "DECLINED" ? result.failureReason : undefined).toBe(reason);
  });

  it("answers the same reference for the same idempotency key", async () => {
    expect((await charge("tok_visa_4242", 100, "same-key-1")).providerRef).toBe(
      (await charge("tok_visa_4242", 100, "same-key-1")).providerRef,
    );
    expect((await charge("tok_visa_4242", 100, "same-key-1")).providerRef).not.toBe(
      (await charge("tok_visa_4242", 100, "other-key-1")).providerRef,
    );
  });
});
