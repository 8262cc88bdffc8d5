import { isoDay } from "../../_lib/format";

export type Range = { from: string; to: string };
export const PRESETS = [30, 90, 183, 365] as const;

/** The last `days` days up to and including today (UTC), as calendar days. */
export function lastDays(days: number, today = new Date()): Range {
  const to = isoDay(today);
  const from = isoDay(new Date(today.getTime() - (days - 1) * 86_400_000));
  return { from, to };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A range from the address bar, or null when it is not two valid days in order. */
export function rangeFromParams(from: string | null, to: string | null): Range | null {
  if (!from || !to || !DAY.test(from) || !DAY.test(to)) return null;
  if (Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)) || from > to) return null;
  return { from, to };
}
