/** The billing cycle containing `now`: from `billingDay` of a month (UTC) to the same day of the next. */
export function currentCycle(billingDay: number, now: Date): { start: Date; end: Date } {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const startsThisMonth = now.getUTCDate() >= billingDay;
  const start = new Date(Date.UTC(year, startsThisMonth ? month : month - 1, billingDay));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, billingDay));
  return { start, end };
}
