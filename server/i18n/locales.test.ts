import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, localeOrDefault, requestLocale } from "./locales";

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

describe("requestLocale", () => {
  it.each([
    [{ account: "en", cookie: "ru", acceptLanguage: "ru" }, "en"],
    [{ account: "ru", cookie: "en", acceptLanguage: "en" }, "ru"],
    [{ account: null, cookie: "en", acceptLanguage: "ru" }, "en"],
    [{ account: "de", cookie: "xx", acceptLanguage: "de-DE,en;q=0.5" }, "en"],
    [{ cookie: undefined, acceptLanguage: "fr-FR" }, "ru"],
    [{}, "ru"],
  ])("%j answers in %s", (sources, expected) => {
    expect(requestLocale(sources)).toBe(expected);
  });
});

describe("localeOrDefault", () => {
  it.each([
    ["en", "en"],
    ["ru", "ru"],
    ["de", "ru"],
    [null, "ru"],
    [undefined, "ru"],
  ])("%s → %s", (value, expected) => {
    expect(localeOrDefault(value)).toBe(expected);
  });
});
