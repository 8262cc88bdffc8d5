/** The billing cycle containing `now`: from `billingDay` of a month (UTC) to the same day of the next. */
export function currentCycle(billingDay: number, now: Date): { start: Date; end: Date } {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const startsThisMonth = now.getUTCDate() >= billingDay;
  const start = new Date(Date.UTC(year, startsThisMonth ? month : month - 1, billingDay));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, billingDay));
  return { start, end };
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of the day containing `date`. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Whole days from `from` to `to` (both at midnight UTC or the same time of day). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** `months` calendar months after `date` (UTC); a day missing in the target month clamps to its last day. */
export function addMonthsUtc(date: Date, months: number): Date {
  const target = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, date.getUTCHours(), date.getUTCMinutes()),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/** The cycle before the one containing `now`: the period the bill run on the cycle start bills. */
export function previousCycle(billingDay: number, now: Date): { start: Date; end: Date } {
  const current = currentCycle(billingDay, now);
  return {
    start: new Date(Date.UTC(current.start.getUTCFullYear(), current.start.getUTCMonth() - 1, billingDay)),
    end: current.start,
  };
}
