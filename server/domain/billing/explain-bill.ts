import type { BillItemKind } from "./compose-bill";

export type ExplainedItem = {
  lineId: string | null;
  kind: BillItemKind;
  description: string;
  amountCents: number;
  /** A charge for an add-on purchase (a one-off line the bill run adds per purchase). */
  isAddon?: boolean;
  /** An outage credit (issue 17): an adjustment the bill run adds per incident and line. */
  isOutageCredit?: boolean;
};

export type ChangeReason =
  | "FIRST_BILL"
  | "NEW_LINE"
  | "LINE_GONE"
  | "FEE_CHANGED"
  | "OVERAGE_NEW"
  | "OVERAGE_UP"
  | "OVERAGE_DOWN"
  | "OVERAGE_GONE"
  | "PRORATION"
  | "PRORATION_GONE"
  | "ADJUSTMENT"
  | "ADJUSTMENT_GONE"
  | "NEW_CHARGE"
  | "CHARGE_GONE"
  | "ADDON"
  | "OUTAGE_CREDIT"
  | "TAX";

export type BillChange = {
  kind: BillItemKind;
  reason: ChangeReason;
  currentCents: number;
  previousCents: number;
  deltaCents: number;
  /** What this bill says about it (its line descriptions). */
  items: string[];
};

export type LineExplanation = {
  lineId: string | null;
  currentCents: number;
  previousCents: number;
  deltaCents: number;
  changes: BillChange[];
};

export type BillExplanation = {
  hasPrevious: boolean;
  totalCents: number;
  previousTotalCents: number;
  deltaCents: number;
  lines: LineExplanation[];
};

const KIND_ORDER: BillItemKind[] = ["SUBSCRIPTION", "PRORATION", "OVERAGE", "ONE_OFF", "ADJUSTMENT", "TAX"];

function reasonFor(
  kind: BillItemKind,
  current: number,
  previous: number,
  isLineNew: boolean,
  isLineGone: boolean,
  hasAddon: boolean,
  hasOutageCredit: boolean,
): ChangeReason | null {
  if (isLineNew) return "NEW_LINE";
  if (isLineGone) return "LINE_GONE";
  if (current === previous) return null;
  switch (kind) {
    case "SUBSCRIPTION":
      return "FEE_CHANGED";
    case "OVERAGE":
      if (previous === 0) return "OVERAGE_NEW";
      if (current === 0) return "OVERAGE_GONE";
      return current > previous ? "OVERAGE_UP" : "OVERAGE_DOWN";
    case "PRORATION":
      return current === 0 ? "PRORATION_GONE" : "PRORATION";
    case "ADJUSTMENT":
      if (current === 0) return "ADJUSTMENT_GONE";
      return hasOutageCredit ? "OUTAGE_CREDIT" : "ADJUSTMENT";
    case "ONE_OFF":
      if (current === 0) return "CHARGE_GONE";
      return hasAddon ? "ADDON" : "NEW_CHARGE";
    case "TAX":
      return "TAX";
  }
}

function sumBy(items: ExplainedItem[]) {
  const sums = new Map<
    string,
    Map<BillItemKind, { cents: number; descriptions: string[]; hasAddon: boolean; hasOutageCredit: boolean }>
  >();
  for (const item of items) {
    const key = item.lineId ?? "";
    const byKind = sums.get(key) ?? new Map();
    const entry = byKind.get(item.kind) ?? { cents: 0, descriptions: [], hasAddon: false, hasOutageCredit: false };
    entry.cents += item.amountCents;
    if (item.isAddon) entry.hasAddon = true;
    if (item.isOutageCredit) entry.hasOutageCredit = true;
    entry.descriptions.push(item.description);
    byKind.set(item.kind, entry);
    sums.set(key, byKind);
  }
  return sums;
}

/**
 * What changed against the previous bill and why, line by line: per service line and kind of
 * charge, the amounts then and now, with a reason (a new line, a tariff fee change, overage that
 * appeared or grew, a proration, an adjustment, an outage credit, an add-on bought, a one-off charge,
 * tax following the subtotal).
 * The deltas add up to the difference of the totals.
 */
export function explainBill(current: ExplainedItem[], previous: ExplainedItem[] | null): BillExplanation {
  const now = sumBy(current);
  const before = sumBy(previous ?? []);
  const lineKeys = [...now.keys(), ...[...before.keys()].filter((key) => !now.has(key))];
  const lines: LineExplanation[] = [];
  for (const key of lineKeys) {
    const nowKinds = now.get(key);
    const beforeKinds = before.get(key);
    const isService = key !== "";
    const isLineNew = previous !== null && isService && !beforeKinds;
    const isLineGone = isService && !nowKinds;
    const changes: BillChange[] = [];
    for (const kind of KIND_ORDER) {
      const c = nowKinds?.get(kind);
      const p = beforeKinds?.get(kind);
      if (!c && !p) continue;
      const currentCents = c?.cents ?? 0;
      const previousCents = p?.cents ?? 0;
      const reason =
        previous === null
          ? c?.hasOutageCredit
            ? "OUTAGE_CREDIT"
            : "FIRST_BILL"
          : reasonFor(
              kind,
              currentCents,
              previousCents,
              isLineNew,
              isLineGone,
              c?.hasAddon ?? false,
              c?.hasOutageCredit ?? false,
            );
      if (!reason) continue;
      changes.push({
        kind,
        reason,
        currentCents,
        previousCents,
        deltaCents: currentCents - previousCents,
        items: c?.descriptions ?? p?.descriptions ?? [],
      });
    }
    if (!changes.length) continue;
    const currentCents = [...(nowKinds?.values() ?? [])].reduce((sum, entry) => sum + entry.cents, 0);
    const previousCents = [...(beforeKinds?.values() ?? [])].reduce((sum, entry) => sum + entry.cents, 0);
    changes.sort((a, b) => Math.abs(b.deltaCents) - Math.abs(a.deltaCents));
    lines.push({ lineId: key || null, currentCents, previousCents, deltaCents: currentCents - previousCents, changes });
  }
  const totalCents = current.reduce((sum, item) => sum + item.amountCents, 0);
  const previousTotalCents = (previous ?? []).reduce((sum, item) => sum + item.amountCents, 0);
  // Account-level charges (tax, adjustments without a line) go last.
  lines.sort((a, b) => Number(a.lineId === null) - Number(b.lineId === null));
  return {
    hasPrevious: previous !== null,
    totalCents,
    previousTotalCents,
    deltaCents: totalCents - previousTotalCents,
    lines,
  };
}
