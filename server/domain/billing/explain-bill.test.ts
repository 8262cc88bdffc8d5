import { describe, expect, it } from "vitest";
import { explainBill, type ExplainedItem } from "./explain-bill";

const item = (
  lineId: string | null,
  kind: ExplainedItem["kind"],
  amountCents: number,
  description = `${kind} ${lineId ?? "account"}`,
): ExplainedItem => ({
  lineId,
  kind,
  amountCents,
  description,
});

const base = [item("a", "SUBSCRIPTION", 55_000), item(null, "TAX", 11_000)];

describe("explainBill", () => {
  it.each<
    [string, ExplainedItem[], ExplainedItem[], { lineId: string | null; kind: string; reason: string; delta: number }[]]
  >([
    ["nothing changed", base, base, []],
    [
      "overage appeared",
      base,
      [
        item("a", "SUBSCRIPTION", 55_000),
        item("a", "OVERAGE", 6_000, "Мобильный интернет сверх пакета: 5 × 100 МБ"),
        item(null, "TAX", 12_200),
      ],
      [
        { lineId: "a", kind: "OVERAGE", reason: "OVERAGE_NEW", delta: 6_000 },
        { lineId: null, kind: "TAX", reason: "TAX", delta: 1_200 },
      ],
    ],
    [
      "overage grew",
      [item("a", "SUBSCRIPTION", 55_000), item("a", "OVERAGE", 2_000), item(null, "TAX", 11_400)],
      [item("a", "SUBSCRIPTION", 55_000), item("a", "OVERAGE", 5_000), item(null, "TAX", 12_000)],
      [
        { lineId: "a", kind: "OVERAGE", reason: "OVERAGE_UP", delta: 3_000 },
        { lineId: null, kind: "TAX", reason: "TAX", delta: 600 },
      ],
    ],
    [
      "overage gone",
      [item("a", "SUBSCRIPTION", 55_000), item("a", "OVERAGE", 2_000), item(null, "TAX", 11_400)],
      base,
      [
        { lineId: "a", kind: "OVERAGE", reason: "OVERAGE_GONE", delta: -2_000 },
        { lineId: null, kind: "TAX", reason: "TAX", delta: -400 },
      ],
    ],
    [
      "a tariff change mid-cycle: proration now, a new fee next time",
      base,
      [
        item("a", "SUBSCRIPTION", 55_000),
        item("a", "PRORATION", -27_500),
        item("a", "PRORATION", 37_500),
        item(null, "TAX", 13_000),
      ],
      [
        { lineId: "a", kind: "PRORATION", reason: "PRORATION", delta: 10_000 },
        { lineId: null, kind: "TAX", reason: "TAX", delta: 2_000 },
      ],
    ],
    [
      "the fee after a tariff change, the proration gone",
      [item("a", "SUBSCRIPTION", 55_000), item("a", "PRORATION", 10_000), item(null, "TAX", 13_000)],
      [item("a", "SUBSCRIPTION", 75_000), item(null, "TAX", 15_000)],
      [
        { lineId: "a", kind: "SUBSCRIPTION", reason: "FEE_CHANGED", delta: 20_000 },
        { lineId: "a", kind: "PRORATION", reason: "PRORATION_GONE", delta: -10_000 },
        { lineId: null, kind: "TAX", reason: "TAX", delta: 2_000 },
      ],
    ],
    [
      "a new line joins",
      base,
      [item("a", "SUBSCRIPTION", 55_000), item("b", "PRORATION", 20_000), item(null, "TAX", 15_000)],
      [
        { lineId: "b", kind: "PRORATION", reason: "NEW_LINE", delta: 20_000 },
        { lineId: null, kind: "TAX", reason: "TAX", delta: 4_000 },
      ],
    ],
    [
      "a line left",
      [item("a", "SUBSCRIPTION", 55_000), item("b", "SUBSCRIPTION", 35_000), item(null, "TAX", 18_000)],
      base,
      [
        { lineId: "b", kind: "SUBSCRIPTION", reason: "LINE_GONE", delta: -35_000 },
        { lineId: null, kind: "TAX", reason: "TAX", delta: -7_000 },
      ],
    ],
    [
      "an add-on bought",
      base,
      [
        item("a", "SUBSCRIPTION", 55_000),
        { ...item("a", "ONE_OFF", 149_900, "Пакет «Роуминг: Европа, 7 дней», куплен 03.12"), isAddon: true },
        item(null, "TAX", 40_980),
      ],
      [
        { lineId: "a", kind: "ONE_OFF", reason: "ADDON", delta: 149_900 },
        { lineId: null, kind: "TAX", reason: "TAX", delta: 29_980 },
      ],
    ],
    [
      "an agent's credit and a one-off charge",
      base,
      [
        item("a", "SUBSCRIPTION", 55_000),
        item("a", "ONE_OFF", 10_000),
        item(null, "ADJUSTMENT", -5_000),
        item(null, "TAX", 12_000),
      ],
      [
        { lineId: "a", kind: "ONE_OFF", reason: "NEW_CHARGE", delta: 10_000 },
        { lineId: null, kind: "ADJUSTMENT", reason: "ADJUSTMENT", delta: -5_000 },
        { lineId: null, kind: "TAX", reason: "TAX", delta: 1_000 },
      ],
    ],
  ])("%s", (_name, previous, current, expected) => {
    const result = explainBill(current, previous);
    const flat = result.lines.flatMap((line) =>
      line.changes.map((change) => ({
        lineId: line.lineId,
        kind: change.kind,
        reason: change.reason,
        delta: change.deltaCents,
      })),
    );
    expect(flat).toEqual(expected);
    // The deltas explain the whole difference of the totals.
    expect(flat.reduce((sum, change) => sum + change.delta, 0)).toBe(result.deltaCents);
    expect(result.deltaCents).toBe(
      current.reduce((s, i) => s + i.amountCents, 0) - previous.reduce((s, i) => s + i.amountCents, 0),
    );
  });

  it("a first bill lists everything as new, with its descriptions", () => {
    const result = explainBill(base, null);
    expect(result.hasPrevious).toBe(false);
    expect(result.previousTotalCents).toBe(0);
    expect(result.lines.map((line) => line.changes.map((change) => change.reason))).toEqual([
      ["FIRST_BILL"],
      ["FIRST_BILL"],
    ]);
    expect(result.lines[0]?.changes[0]?.items).toEqual(["SUBSCRIPTION a"]);
  });

  it("orders a line's changes by how much they moved the bill", () => {
    const result = explainBill(base, [
      item("a", "SUBSCRIPTION", 55_000),
      item("a", "OVERAGE", 300),
      item("a", "ONE_OFF", 10_000),
      item(null, "TAX", 13_060),
    ]);
    expect(result.lines[0]?.changes.map((change) => change.kind)).toEqual(["ONE_OFF", "OVERAGE"]);
  });

  it("names an outage credit as such, not as a generic adjustment", () => {
    const credit: ExplainedItem = {
      ...item("a", "ADJUSTMENT", -2_000, "Компенсация за аварию №7: 4 ч 0 мин без связи (03.11)"),
      isOutageCredit: true,
    };
    const agents = item("a", "ADJUSTMENT", -500, "Goodwill");
    const reasons = (current: ExplainedItem[], previous: ExplainedItem[] | null) =>
      explainBill(current, previous).lines.flatMap((line) =>
        line.changes.filter((change) => change.kind === "ADJUSTMENT").map((change) => change.reason),
      );
    expect(reasons([...base, credit], base)).toEqual(["OUTAGE_CREDIT"]);
    expect(reasons([...base, credit, agents], base)).toEqual(["OUTAGE_CREDIT"]);
    expect(reasons([...base, agents], base)).toEqual(["ADJUSTMENT"]);
    expect(reasons([...base, credit], null)).toEqual(["OUTAGE_CREDIT"]);
    expect(reasons(base, [...base, credit])).toEqual(["ADJUSTMENT_GONE"]);
    const explained = explainBill([...base, credit], base).lines[0]!.changes[0]!;
    expect(explained).toMatchObject({ deltaCents: -2_000, items: [credit.description] });
  });
});
