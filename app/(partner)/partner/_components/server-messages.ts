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

/** The tRPC error's code and field errors, as the errorFormatter in server/api/trpc.ts shapes them. */
export function errorDetails(error: unknown): { code?: string; fields: Record<string, string> } {
  const data = (error as { data?: { code?: string; fields?: Record<string, string> } } | null)?.data;
  return { code: data?.code, fields: data?.fields ?? {} };
}

/** When a TOO_MANY_REQUESTS refusal may be retried: the server names the time in its message. */
export function retryAtOf(error: unknown): Date | null {
  const message = (error as { message?: string } | null)?.message ?? "";
  const match = /try again after (\d{4}-\d{2}-\d{2}T[\d:.]+Z)/.exec(message);
  return match ? new Date(match[1]!) : null;
}
