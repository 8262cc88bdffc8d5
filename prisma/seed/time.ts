export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * The two instants the seed is anchored to. History (tenure, bill periods) is relative to the
 * start of the current month, so it is the same all month; what happened "so far" (payments of
 * the latest bill, daily usage, open requests) is cut at the start of today. Both are UTC.
 */
export type SeedClock = { monthStart: Date; asOf: Date };

export function createClock(now: Date): SeedClock {
  return {
    monthStart: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
    asOf: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())),
  };
}

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + Math.round(ms));
}

export function addDays(date: Date, days: number): Date {
  return addMs(date, days * DAY);
}

export function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
}

export function startOfMonth(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function daysInMonth(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

/** Whole months from `from` to `to` (calendar months, by day of month). */
export function monthsBetween(from: Date, to: Date): number {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** `YYYY-MM-DD` of a UTC date, for `date` columns. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `YYMM` of a UTC date, used inside deterministic ids. */
export function yymm(date: Date): string {
  return date.toISOString().slice(2, 7).replace("-", "");
}
