/**
 * A card payment provider. The browser hands the card to the provider and gets a token back;
 * the portal only ever sees the token, and stores the last four digits and the brand it returns.
 */
export type ChargeRequest = {
  amountCents: number;
  currency: string;
  /** A token from the provider's card form, or undefined for the customer's card on file. */
  token: string | undefined;
  /** Passed to the provider so a retried charge is one charge. */
  idempotencyKey: string;
  description: string;
};

export type ChargeResult =
  | { status: "SUCCEEDED"; providerRef: string; cardLast4: string | null; cardBrand: string | null }
  | {
      status: "DECLINED";
      providerRef: string;
      cardLast4: string | null;
      cardBrand: string | null;
      failureReason: string;
    };

/** What the provider knows of a charge by its idempotency key: its result, or that it never took one. */
export type ChargeStatus = ChargeResult | { status: "NOT_FOUND" };

/** Saving a card for later charges (autopay): the provider's reference, or why it refused the card. */
export type SaveCardResult =
  | { status: "SAVED"; cardRef: string; cardBrand: string; cardLast4: string }
  | { status: "DECLINED"; failureReason: string };

export type PaymentProvider = {
  name: string;
  /** Turns a token from the card form into a reusable card reference; charges then take the reference as their token. */
  saveCard(token: string): Promise<SaveCardResult>;
  /** Throws when the provider cannot be reached or does not answer in time: the charge may have gone through. */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** The outcome of the charge made with this idempotency key; throws when the provider cannot answer. */
  getPaymentStatus(idempotencyKey: string): Promise<ChargeStatus>;
};
