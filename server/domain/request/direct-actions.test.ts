import { describe, expect, it } from "vitest";
import type { Category } from "../routing/policy.schema";
import { directActionsFor, type ActionContext, type DirectAction } from "./direct-actions";

describe("directActionsFor", () => {
  const table: [Category, ActionContext, DirectAction[]][] = [
    ["BILLING_QUESTION", { billId: "b1" }, [{ kind: "BILL_EXPLAINER", href: "/bills/b1" }]],
    [
      "BILLING_QUESTION",
      { billId: "b1", billOutstandingCents: 100 },
      [
        { kind: "BILL_EXPLAINER", href: "/bills/b1" },
        { kind: "PAY_BILL", href: "/bills/b1" },
      ],
    ],
    ["BILLING_QUESTION", {}, [{ kind: "BILLS", href: "/bills" }]],
    ["BILL_DISPUTE", { billId: "b2", billOutstandingCents: 500 }, [{ kind: "BILL_EXPLAINER", href: "/bills/b2" }]],
    ["TARIFF_CHANGE", {}, [{ kind: "TARIFF_RECOMMENDER", href: "/tariffs" }]],
    ["TARIFF_CHANGE", { lineId: "l 1" }, [{ kind: "TARIFF_RECOMMENDER", href: "/tariffs?lineId=l%201" }]],
    ["ROAMING", {}, [{ kind: "TARIFF_RECOMMENDER", href: "/tariffs" }]],
    ["NO_SERVICE", { billId: "b1" }, []],
    ["SIM_REPLACEMENT", {}, []],
    ["COMPLAINT", {}, []],
  ];
  it.each(table)("%s with %o", (category, context, expected) => {
    expect(directActionsFor(category, context)).toEqual(expected);
  });
});
