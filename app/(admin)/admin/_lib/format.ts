/** Display helpers of the supervisor pages; figures arrive as shares 0..1, minutes and kopecks. */

/** A share 0..1 as a percentage, e.g. 0.1866 → "18,7 %" / "18.7%"; null → "—". */
export function formatShare(share: number | null | undefined, locale: string, digits = 1): string {
  if (share === null || share === undefined) return "—";
  return new Intl.NumberFormat(locale, {
    style: "percent",
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(share);
}

/** Minutes as "2 h 55 min" style text, built by the caller's translator; null → "—". */
export function splitMinutes(minutes: number): { hours: number; minutes: number } {
  const whole = Math.round(minutes);
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}

/** A signed difference in percentage points, e.g. +2.5 / −1.0; null when either side is unknown. */
export function pointsBetween(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return Math.round((current - previous) * 1000) / 10;
}

/** Roubles typed by a person ("1 500,50", "1500.5") → kopecks; null when it is not an amount. */
export function parseRoubles(text: string): number | null {
  const normalised = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (!/^\d{1,9}(\.\d{0,2})?$/.test(normalised)) return null;
  return Math.round(Number(normalised) * 100);
}

/** Kopecks → the roubles text an input shows ("1500.5" → "1500.50"; whole amounts without decimals). */
export function roublesText(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** A UTC calendar day "YYYY-MM-DD" of a date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
