/**
 * The built-in test provider's card form, run in the browser: it turns card details into a
 * provider token, so the card number never reaches the portal's server. A real provider's
 * hosted fields would take this place. Special numbers give the test provider's decline tokens.
 */

const DECLINE_NUMBERS: Record<string, string> = {
  "4000000000000002": "tok_decline",
  "4000000000009995": "tok_insufficient_funds",
  "4000000000000069": "tok_expired_card",
};

export type CardBrand = "visa" | "mastercard" | "mir";

export function digitsOf(value: string): string {
  return value.replace(/\D/g, "");
}

/** The Luhn checksum every real card number passes. */
export function isLuhnValid(number: string): boolean {
  const digits = digitsOf(number);
  if (digits.length < 12) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function brandOf(number: string): CardBrand | null {
  const digits = digitsOf(number);
  if (/^220[0-4]/.test(digits)) return "mir";
  if (/^4/.test(digits)) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(digits)) return "mastercard";
  return null;
}

/** "08/28" is valid through the end of August 2028. */
export function isExpiryValid(expiry: string, now = new Date()): boolean {
  const match = /^(\d{2})\/(\d{2})$/.exec(expiry);
  if (!match) return false;
  const month = Number(match[1]);
  const year = 2000 + Number(match[2]);
  if (month < 1 || month > 12) return false;
  return new Date(Date.UTC(year, month, 1)).getTime() > now.getTime();
}

export function tokenizeTestCard(number: string): string {
  const digits = digitsOf(number);
  const decline = DECLINE_NUMBERS[digits];
  if (decline) return decline;
  const brand = brandOf(digits) ?? "visa";
  return `tok_${brand}_${digits.slice(-4)}`;
}
