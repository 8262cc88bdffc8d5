import type bills from "@/messages/en/bills.json";

export type DeclineReason = keyof (typeof bills)["declineReasons"];

const KNOWN: readonly DeclineReason[] = [
  "card_declined",
  "insufficient_funds",
  "expired_card",
  "amount_declined",
  "do_not_honor",
  "3ds_failed",
  "invalid_token",
  "provider_unavailable",
  "not_charged",
];

/** The message key for a provider's decline reason; unknown reasons read as a generic decline. */
export function declineReasonKey(reason: string | null | undefined): DeclineReason {
  return (KNOWN as readonly string[]).includes(reason ?? "") ? (reason as DeclineReason) : "other";
}
