export type BillStatusValue = "ISSUED" | "PARTIALLY_PAID" | "PAID" | "OVERDUE" | "CANCELLED";

/**
 * The status a bill has once `paidCents` of `totalCents` is paid at `now`: a cancelled bill stays
 * cancelled, a fully paid (or credit) bill is PAID, an unpaid rest after the due date is OVERDUE,
 * otherwise PARTIALLY_PAID or ISSUED. Agents' adjustments and payments both go through here.
 */
export function billStatusAfter(bill: {
  totalCents: number;
  paidCents: number;
  dueAt: Date;
  now: Date;
  isCancelled?: boolean;
}): BillStatusValue {
  if (bill.isCancelled) return "CANCELLED";
  if (bill.paidCents >= bill.totalCents) return "PAID";
  if (bill.now.getTime() > bill.dueAt.getTime()) return "OVERDUE";
  return bill.paidCents > 0 ? "PARTIALLY_PAID" : "ISSUED";
}

/** What is still to pay on a bill; never negative. */
export function amountDueCents(bill: { totalCents: number; paidCents: number }): number {
  return Math.max(0, bill.totalCents - bill.paidCents);
}
