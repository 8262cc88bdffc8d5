const DAY_MS = 24 * 60 * 60 * 1000;

export type SuspensionSettings = { daysPerYear: number; feePerDayCents: number };

/** SUSPENSION_DAYS_PER_YEAR (default 90) and SUSPENSION_FEE_PER_DAY_KOPECKS (default 0). */
export function readSuspensionSettings(env: Record<string, string | undefined> = process.env): SuspensionSettings {
  const days = Number(env.SUSPENSION_DAYS_PER_YEAR ?? 90);
  const fee = Number(env.SUSPENSION_FEE_PER_DAY_KOPECKS ?? 0);
  return {
    daysPerYear: Number.isInteger(days) && days >= 0 && days <= 366 ? days : 90,
    feePerDayCents: Number.isInteger(fee) && fee >= 0 ? fee : 0,
  };
}

export type SuspensionPreview = {
  /** Days from today (UTC) up to the day the line comes back (`until`, not counted). */
  days: number;
  /** Days of the yearly limit still free before this suspension. */
  daysLeft: number;
  feeCents: number;
  reason: null | "UNTIL_NOT_AFTER_TODAY" | "OVER_YEARLY_LIMIT";
};

/**
 * A voluntary suspension from now to the start of `until` (a UTC day): it counts whole days
 * against the calendar year's limit, every day of it in the year it starts in, and costs the daily
 * fee for each day. `usedDays`: the days of this year's earlier suspensions of the line.
 */
export function previewSuspension(
  input: { now: Date; until: Date; usedDays: number },
  settings: SuspensionSettings,
): SuspensionPreview {
  const today = Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth(), input.now.getUTCDate());
  const untilDay = Date.UTC(input.until.getUTCFullYear(), input.until.getUTCMonth(), input.until.getUTCDate());
  const days = Math.max(0, Math.round((untilDay - today) / DAY_MS));
  const daysLeft = Math.max(0, settings.daysPerYear - input.usedDays);
  const reason = days < 1 ? "UNTIL_NOT_AFTER_TODAY" : days > daysLeft ? "OVER_YEARLY_LIMIT" : null;
  return { days, daysLeft, feeCents: days * settings.feePerDayCents, reason };
}

/** The first instant of the UTC calendar year of `now`: suspensions since then count against the limit. */
export function startOfUtcYear(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), 0, 1));
}
