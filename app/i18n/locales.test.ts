import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./locales";

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["ru-RU,ru;q=0.9,en;q=0.8", "ru"],
    ["en-US,en;q=0.9", "en"],
    ["de-DE,de;q=0.9,en;q=0.5,ru;q=0.4", "en"],
    ["ru;q=0.3, en;q=0.7", "en"],
    ["fr-FR", null],
    ["en;q=0", null],
    ["", null],
    [null, null],
  ])("%s picks %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
