/**
 * Money as people type and read it. Amounts are integer minor units (kopecks) end to end: text
 * becomes kopecks by splitting digits, never through a floating-point number, and kopecks become
 * text only for display.
 */

/**
 * The largest amount any form accepts: 10 000 000,00 ₽, the widest bound of the server's schemas
 * (a disputed amount, `DISPUTE_MAX_CENTS`). Each schema then applies its own, narrower limit.
 */
export const MAX_AMOUNT_CENTS = 1_000_000_000;

export type MoneyReading =
  | { ok: true; cents: number }
  | { ok: false; reason: "empty" | "invalid" | "tooManyDecimals" | "negative" | "tooLarge" };

export type MoneyOptions = {
  /** Whether a leading minus is allowed (a credit); otherwise "-5" is refused as `negative`. */
  allowNegative?: boolean;
};

// Spaces people and Intl put between groups: plain, no-break, narrow no-break, thin, figure.
const SPACES = /[\s\u00a0\u202f\u2009\u2007]+/g;
const CURRENCY = /^(?:₽|руб\.?|р\.|rub)\s*|\s*(?:₽|руб\.?|р\.|rub)$/giu;
const MINUS = /^[-\u2212]\s*/;

/** "1 234" or "1234" (spaces already normalised to " "): groups of three after the first. */
function wholeDigits(text: string, groupSeparator: string | null): string | null {
  if (/^\d+$/.test(text)) return text;
  const separators = groupSeparator ? ` ${groupSeparator}` : " ";
  const groups = text.split(new RegExp(`[${separators.replace(/[.]/g, "\\.")}]`));
  const [first, ...rest] = groups;
  if (!first || !/^\d{1,3}$/.test(first) || !rest.length || !rest.every((group) => /^\d{3}$/.test(group))) return null;
  return groups.join("");
}

/**
 * What a person typed, read as an amount: "1 234,50", "1234.5", "1 234", "1234,", ",5", "₽ 12",
 * "12 руб.", "1,234.50" (the English way). The decimal mark is the last "," or "."; the other mark
 * and spaces may only group thousands. More than two decimals, letters and other signs are refused.
 */
export function readMoney(text: string, options: MoneyOptions = {}): MoneyReading {
  let rest = text.replace(SPACES, " ").trim().replace(CURRENCY, "").trim();
  if (!rest) return { ok: false, reason: "empty" };
  const isNegative = MINUS.test(rest);
  if (isNegative) rest = rest.replace(MINUS, "").replace(CURRENCY, "").trim();
  if (!rest) return { ok: false, reason: "invalid" };
  if (/[^\d\s.,]/.test(rest)) return { ok: false, reason: "invalid" };

  const decimalAt = Math.max(rest.lastIndexOf(","), rest.lastIndexOf("."));
  const decimalMark = decimalAt < 0 ? null : rest[decimalAt]!;
  const groupMark = decimalMark === "," ? "." : decimalMark === "." ? "," : null;
  const wholeText = decimalAt < 0 ? rest : rest.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? "" : rest.slice(decimalAt + 1);
  if (wholeText.includes(decimalMark ?? "\0")) return { ok: false, reason: "invalid" };
  if (!/^\d*$/.test(fraction)) return { ok: false, reason: "invalid" };
  if (!wholeText && !fraction) return { ok: false, reason: "invalid" };
  const whole = wholeText ? wholeDigits(wholeText, groupMark) : "0";
  if (whole === null) return { ok: false, reason: "invalid" };
  if (fraction.length > 2) return { ok: false, reason: "tooManyDecimals" };
  if (isNegative && !options.allowNegative) return { ok: false, reason: "negative" };

  const digits = whole.replace(/^0+(?=\d)/, "");
  if (digits.length > String(MAX_AMOUNT_CENTS / 100).length) return { ok: false, reason: "tooLarge" };
  const cents = Number(digits) * 100 + Number(fraction.padEnd(2, "0"));
  if (cents > MAX_AMOUNT_CENTS) return { ok: false, reason: "tooLarge" };
  return { ok: true, cents: isNegative && cents !== 0 ? -cents : cents };
}

/** `readMoney` for callers that only need the kopecks: null when the text is not an accepted amount. */
export function parseMoney(text: string, options: MoneyOptions = {}): number | null {
  const reading = readMoney(text, options);
  return reading.ok ? reading.cents : null;
}

/** Kopecks split into sign, whole units and two decimals, by integer arithmetic. */
function decimalParts(cents: number): { sign: "-" | ""; whole: number; fraction: string } {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not an amount in minor units: ${cents}`);
  const absolute = Math.abs(cents);
  const rest = absolute % 100;
  return { sign: cents < 0 ? "-" : "", whole: (absolute - rest) / 100, fraction: String(rest).padStart(2, "0") };
}

/** Kopecks for display: "1 234,50 ₽" in Russian, "₽1,234.50" in English. */
export function formatMoney(cents: number, currency: string, locale: string): string {
  const { sign, whole, fraction } = decimalParts(cents);
  // A decimal string, which Intl formats exactly (ES2023), not kopecks divided as a float.
  const decimal = `${sign}${whole}.${fraction}` as `${number}`;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(decimal);
}

/**
 * Kopecks as the text an amount input starts with: "1500", "1500,50" (whole amounts without
 * decimals, no grouping, the locale's decimal mark), which `readMoney` reads back unchanged.
 */
export function formatMoneyInput(cents: number, locale: string): string {
  const { sign, whole, fraction } = decimalParts(cents);
  const mark = locale.startsWith("en") ? "." : ",";
  return fraction === "00" ? `${sign}${whole}` : `${sign}${whole}${mark}${fraction}`;
}
