import { describe, expect, it } from "vitest";
import { buildPrefixQuery, searchConfigFor, searchWords } from "./search-query";

describe("buildPrefixQuery", () => {
  const table: [string, string | null][] = [
    ["", null],
    ["   ", null],
    ["!!! ??", null],
    ["счёт", "счёт:*"],
    ["почему счёт больше", "почему | счёт | больше:*"],
    ["почему счёт больше ", "почему | счёт | больше"],
    ["Roaming in Turkey?", "roaming | in | turkey"],
    ["bill & payment | x:* !", "bill | payment"],
    ["'); DROP TABLE x; --", "drop | table"],
    ["тариф2024", "тариф2024:*"],
  ];
  it.each(table)("%j → %j", (text, expected) => {
    expect(buildPrefixQuery(text)).toBe(expected);
  });

  it("keeps at most twelve words of at most forty letters", () => {
    const query = buildPrefixQuery(`${"a".repeat(60)} ${Array.from({ length: 20 }, (_, i) => `w${i}`).join(" ")}`)!;
    expect(query.split(" | ")).toHaveLength(12);
    expect(query.split(" | ")[0]).toHaveLength(40);
  });
});

describe("searchWords and searchConfigFor", () => {
  it("lower-cases and drops one-letter words", () => {
    expect(searchWords("Я НЕ могу позвонить")).toEqual(["не", "могу", "позвонить"]);
  });
  it("maps the article's language to its configuration", () => {
    expect(searchConfigFor("ru")).toBe("russian");
    expect(searchConfigFor("en")).toBe("english");
  });
});
