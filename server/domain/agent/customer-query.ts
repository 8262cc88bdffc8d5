import { normalizeEmail, normalizePhone } from "../identity/identifier";

export type CustomerQuery =
  | { kind: "account"; value: string }
  | { kind: "phone"; value: string }
  | { kind: "email"; value: string }
  | { kind: "name"; words: string[] };

/** Account numbers are ten digits starting with 4 (mobile numbers start with 9, so they never clash). */
const ACCOUNT_NUMBER = /^4\d{9}$/;

/** What an agent typed into the customer search: an account number, a phone number in any form, an e-mail, or a name. */
export function parseCustomerQuery(input: string): CustomerQuery {
  const query = input.trim();
  const compact = query.replace(/[\s-]/g, "");
  if (ACCOUNT_NUMBER.test(compact)) return { kind: "account", value: compact };
  const phone = normalizePhone(query);
  if (phone) return { kind: "phone", value: phone };
  if (query.includes("@")) {
    const email = normalizeEmail(query);
    if (email) return { kind: "email", value: email };
  }
  const words = query
    .split(/[\s,]+/)
    .map((word) => word.replace(/[^\p{L}'-]/gu, ""))
    .filter((word) => word.length > 0)
    .slice(0, 3);
  return { kind: "name", words: words.length ? words : [query] };
}
