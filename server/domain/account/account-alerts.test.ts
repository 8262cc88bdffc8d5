import { describe, expect, it } from "vitest";
import { accountAlerts } from "./account-alerts";

const now = new Date("2026-11-26T10:00:00Z");
const bill = (id: string, dueAt: string, totalCents: number, paidCents: number, status = "ISSUED") => ({
  id,
  number: `N-${id}`,
  totalCents,
  paidCents,
  dueAt: new Date(dueAt),
  status,
});
const usage = (minutes: [number, number | null], sms: [number, number | null], dataMb: [number, number | null]) => ({
  minutes: { used: minutes[0], included: minutes[1] },
  sms: { used: sms[0], included: sms[1] },
  dataMb: { used: dataMb[0], included: dataMb[1] },
});

describe("accountAlerts", () => {
  it.each<
    [string, Parameters<typeof accountAlerts>[0]["unpaidBills"], Parameters<typeof accountAlerts>[0]["lines"], string[]]
  >([
    [
      "nothing to say",
      [bill("a", "2026-12-10", 100, 0)],
      [{ id: "l", msisdn: null, usage: usage([10, 100], [0, 50], [0, null]) }],
      [],
    ],
    ["an unpaid bill past its due date", [bill("a", "2026-11-15", 100, 40)], [], ["OVERDUE_BILL a 60"]],
    ["a paid bill past its due date is no alert", [bill("a", "2026-11-15", 100, 100, "PAID")], [], []],
    ["a cancelled bill is no alert", [bill("a", "2026-11-15", 100, 0, "CANCELLED")], [], []],
    ["79% is quiet", [], [{ id: "l", msisdn: null, usage: usage([79, 100], [0, 50], [0, 1000]) }], []],
    [
      "80% alerts",
      [],
      [{ id: "l", msisdn: null, usage: usage([80, 100], [0, 50], [0, 1000]) }],
      ["ALLOWANCE_USED l minutes 80"],
    ],
    [
      "over 100% is exceeded",
      [],
      [{ id: "l", msisdn: null, usage: usage([0, 100], [0, 50], [1500, 1000]) }],
      ["ALLOWANCE_EXCEEDED l dataMb 150"],
    ],
    [
      "unlimited and zero allowances are ignored",
      [],
      [{ id: "l", msisdn: null, usage: usage([900, null], [5, 0], [0, null]) }],
      [],
    ],
    [
      "overdue first (oldest first), then allowances fullest first",
      [bill("new", "2026-11-20", 100, 0), bill("old", "2026-10-15", 200, 0)],
      [{ id: "l", msisdn: null, usage: usage([85, 100], [49, 50], [0, null]) }],
      ["OVERDUE_BILL old 200", "OVERDUE_BILL new 100", "ALLOWANCE_USED l sms 98", "ALLOWANCE_USED l minutes 85"],
    ],
  ])("%s", (_name, unpaidBills, lines, expected) => {
    const alerts = accountAlerts({ unpaidBills, lines, now }).map((alert) =>
      alert.kind === "OVERDUE_BILL"
        ? `${alert.kind} ${alert.billId} ${alert.amountDueCents}`
        : `${alert.kind} ${alert.lineId} ${alert.resource} ${alert.percent}`,
    );
    expect(alerts).toEqual(expected);
  });
});
