import { createHash } from "node:crypto";
import type { ChargeRequest, ChargeResult, SaveCardResult } from "./payment-provider";

/**
 * Tokens of the built-in test provider's card form: `tok_<brand>_<last4>` or a decline token.
 * `tok_visa` (pays, as Visa 4242) and `tok_declined` (declines) are the public contract's names.
 */
export const TEST_DECLINE_TOKENS: Record<string, string> = {
  tok_decline: "card_declined",
  tok_declined: "card_declined",
  tok_insufficient_funds: "insufficient_funds",
  tok_expired_card: "expired_card",
};

/** Any amount ending in 13 kopecks is declined, so the failure path is reachable without a card form. */
export const DECLINED_AMOUNT_KOPECKS = 13;

/** A card from the form (`tok_…`) or one saved for autopay (`card_…`, see decideTestSaveCard). */
const TOKEN = /^(?:tok|card)_(visa|mastercard|mir)_(\d{4})$/;
/** A card that can be saved but whose charges decline (Stripe's 4000 0000 0000 0341 works the same way). */
export const DECLINES_WHEN_CHARGED_LAST4 = "0341";
/** Short names for a card that pays. */
const TOKEN_ALIASES: Record<string, string> = { tok_visa: "tok_visa_4242" };

/**
 * What the built-in test provider answers a charge: deterministic, no network. The same idempotency
 * key always answers the same reference, like a real provider's idempotent charge.
 */
export function decideTestCharge(request: ChargeRequest): ChargeResult {
  const providerRef = `test_${createHash("sha256").update(request.idempotencyKey).digest("hex").slice(0, 24)}`;
  const given = request.token ?? "tok_visa_4242";
  const token = TOKEN_ALIASES[given] ?? given;
  const declineReason = TEST_DECLINE_TOKENS[token];
  const card = TOKEN.exec(token);
  const cardLast4 = card?.[2] ?? (declineReason ? "0002" : null);
  const cardBrand = card?.[1] ?? (declineReason ? "visa" : null);
  if (declineReason) return { status: "DECLINED", providerRef, cardLast4, cardBrand, failureReason: declineReason };
  if (!card)
    return { status: "DECLINED", providerRef, cardLast4: null, cardBrand: null, failureReason: "invalid_token" };
  if (cardLast4 === DECLINES_WHEN_CHARGED_LAST4) {
    return { status: "DECLINED", providerRef, cardLast4, cardBrand, failureReason: "card_declined" };
  }
  if (request.amountCents % 100 === DECLINED_AMOUNT_KOPECKS) {
    return { status: "DECLINED", providerRef, cardLast4, cardBrand, failureReason: "amount_declined" };
  }
  return { status: "SUCCEEDED", providerRef, cardLast4, cardBrand };
}

/** What the test provider answers a card to save: decline tokens and unknown ones are refused. */
export function decideTestSaveCard(token: string): SaveCardResult {
  const resolved = TOKEN_ALIASES[token] ?? token;
  const declineReason = TEST_DECLINE_TOKENS[resolved];
  if (declineReason) return { status: "DECLINED", failureReason: declineReason };
  const card = /^tok_(visa|mastercard|mir)_(\d{4})$/.exec(resolved);
  if (!card) return { status: "DECLINED", failureReason: "invalid_token" };
  return { status: "SAVED", cardRef: `card_${card[1]}_${card[2]}`, cardBrand: card[1]!, cardLast4: card[2]! };
}
