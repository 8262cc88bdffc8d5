import { describe, expect, it } from "vitest";
import en from "../../messages/en/server.json";
import ru from "../../messages/ru/server.json";
import { translatorFor } from "./translator";

/** Every leaf of a message tree as `a.b.c`, with its text. */
function leaves(tree: object, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(path, value);
    else for (const [leaf, text] of leaves(value as object, path)) found.set(leaf, text);
  }
  return found;
}

/** The ICU arguments a text takes (`{name}`, `{count, number}`, `{kind, select, …}`), without nested plural texts. */
function argumentsOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\s*([A-Za-z]\w*)\s*[,}]/g)].map((match) => match[1]!))].sort();
}

describe("server texts (messages/<locale>/server.json)", () => {
  const english = leaves(en);
  const russian = leaves(ru);

  it("has every key in both languages", () => {
    expect([...russian.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of [...english, ...russian]) expect(text.trim(), key).not.toBe("");
  });

  it("takes the same arguments in both languages", () => {
    for (const [key, text] of english) expect(argumentsOf(russian.get(key) ?? ""), key).toEqual(argumentsOf(text));
  });

  it("formats numbers the ICU way of each language, and falls back to Russian", () => {
    const args = { amount: 1234.5, currency: "RUB", dueDay: "2026-12-15" };
    expect(translatorFor("ru", "notifications")("billIssuedBody", args)).toBe("1234,50 RUB, оплатить до 2026-12-15.");
    expect(translatorFor("en", "notifications")("billIssuedBody", args)).toBe("1234.50 RUB, due by 2026-12-15.");
    expect(translatorFor("de", "billLines")("tax", { percent: 12.5 })).toBe("НДС 12,5%");
    expect(translatorFor(null, "billLines")("tax", { percent: 20 })).toBe("НДС 20%");
  });

  it("names the change a tariff notification announces", () => {
    const title = (locale: string, effective: string) =>
      translatorFor(locale, "notifications")("tariffChangeTitle", { tariff: "Смарт", effective });
    expect(title("ru", "IMMEDIATE")).toBe("Тариф «Смарт» подключается");
    expect(title("ru", "NEXT_CYCLE")).toBe("Тариф «Смарт» запланирован");
    expect(title("en", "IMMEDIATE")).toBe("Tariff Смарт is being switched on");
    expect(title("en", "NEXT_CYCLE")).toBe("Tariff Смарт is scheduled");
    // And once the network has switched the line.
    const applied = (locale: string) =>
      translatorFor(locale, "notifications")("tariffChangeAppliedTitle", { tariff: "Смарт" });
    expect(applied("ru")).toBe("Тариф «Смарт» подключён");
    expect(applied("en")).toBe("Tariff Смарт is on");
  });
});
