import type { Category } from "../routing/policy.schema";

export type DirectActionKind = "BILL_EXPLAINER" | "BILLS" | "PAY_BILL" | "TARIFF_RECOMMENDER";
export type DirectAction = { kind: DirectActionKind; href: string };

export type ActionContext = {
  /** The bill the request is about, or the latest one. */
  billId?: string | null;
  /** The bill's amount still to pay, if any. */
  billOutstandingCents?: number;
  lineId?: string | null;
};

/**
 * Self-service comes with a direct action where one exists (the issue): a billing question links
 * to the bill explainer (and payment when something is due), a tariff question to the tariff
 * recommender and change.
 */
export function directActionsFor(category: Category, context: ActionContext = {}): DirectAction[] {
  const bill = context.billId ? `/bills/${encodeURIComponent(context.billId)}` : null;
  const tariffs = context.lineId ? `/tariffs?lineId=${encodeURIComponent(context.lineId)}` : "/tariffs";
  switch (category) {
    case "BILLING_QUESTION":
    case "BILL_DISPUTE": {
      const actions: DirectAction[] = bill
        ? [{ kind: "BILL_EXPLAINER", href: bill }]
        : [{ kind: "BILLS", href: "/bills" }];
      if (bill && category === "BILLING_QUESTION" && (context.billOutstandingCents ?? 0) > 0) {
        actions.push({ kind: "PAY_BILL", href: bill });
      }
      return actions;
    }
    case "TARIFF_CHANGE":
    case "ROAMING":
      return [{ kind: "TARIFF_RECOMMENDER", href: tariffs }];
    default:
      return [];
  }
}
