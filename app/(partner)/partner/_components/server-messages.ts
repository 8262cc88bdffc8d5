import { CREDIT_REASONS, type CreditRefusal } from "@/server/domain/partner/credit-policy.schema";
import { REGISTRATION_MESSAGES, type RegistrationMessageKey } from "@/server/domain/partner/registration-rules";

const REGISTRATION_KEYS = new Map(
  Object.entries(REGISTRATION_MESSAGES).map(([key, message]) => [message as string, key]),
);
const REFUSAL_CODES = new Map(Object.entries(CREDIT_REASONS).map(([code, message]) => [message, code]));

/**
 * The schema and the server speak English sentences; the page shows them in the user's language
 * by looking up which rule said it.
 */
export function registrationMessageKey(message: string | undefined): RegistrationMessageKey | "invalid" | null {
  if (!message) return null;
  return (REGISTRATION_KEYS.get(message) as RegistrationMessageKey | undefined) ?? "invalid";
}

export function creditRefusalOf(message: string | undefined): CreditRefusal | null {
  return message ? ((REFUSAL_CODES.get(message) as CreditRefusal | undefined) ?? null) : null;
}
