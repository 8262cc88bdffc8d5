/** Display helpers of the supervisor pages; figures arrive as shares 0..1 and minutes (money: app/_lib/money.ts). */

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

/** A UTC calendar day "YYYY-MM-DD" of a date. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
