export const ALLOWANCE_ALERT_SHARE = 0.8;

type Allowance = { used: number; included: number | null };

type OverdueAlert = { kind: "OVERDUE_BILL"; billId: string; number: string; amountDueCents: number; dueAt: Date };
type AllowanceAlert = {
  kind: "ALLOWANCE_USED" | "ALLOWANCE_EXCEEDED";
  lineId: string;
  msisdn: string | null;
  resource: "minutes" | "sms" | "dataMb";
  percent: number;
};

export type AccountAlert = OverdueAlert | AllowanceAlert;

type Facts = {
  unpaidBills: { id: string; number: string; totalCents: number; paidCents: number; dueAt: Date; status: string }[];
  lines: { id: string; msisdn: string | null; usage: Record<"minutes" | "sms" | "dataMb", Allowance> }[];
  now: Date;
};

/**
 * What the subscriber should act on: every bill past its due date with money left on it, then
 * every allowance at 80% or more of what is included (limited allowances only), fullest first.
 */
export function accountAlerts(facts: Facts): AccountAlert[] {
  const overdue: OverdueAlert[] = facts.unpaidBills
    .filter(
      (bill) =>
        bill.status !== "CANCELLED" && bill.paidCents < bill.totalCents && bill.dueAt.getTime() < facts.now.getTime(),
    )
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
    .map((bill): OverdueAlert => ({
      kind: "OVERDUE_BILL",
      billId: bill.id,
      number: bill.number,
      amountDueCents: bill.totalCents - bill.paidCents,
      dueAt: bill.dueAt,
    }));
  const allowances: AllowanceAlert[] = [];
  for (const line of facts.lines) {
    for (const resource of ["minutes", "sms", "dataMb"] as const) {
      const { used, included } = line.usage[resource];
      if (included === null || included <= 0) continue;
      const share = used / included;
      if (share < ALLOWANCE_ALERT_SHARE) continue;
      allowances.push({
        kind: share > 1 ? "ALLOWANCE_EXCEEDED" : "ALLOWANCE_USED",
        lineId: line.id,
        msisdn: line.msisdn,
        resource,
        percent: Math.floor(share * 100),
      });
    }
  }
  allowances.sort((a, b) => b.percent - a.percent);
  return [...overdue, ...allowances];
}
