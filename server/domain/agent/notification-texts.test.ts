import { describe, expect, it } from "vitest";
import { excerpt, notificationTexts } from "./notification-texts";

describe("notificationTexts", () => {
  it.each([
    ["ru", "Ответ по заявке №42"],
    ["en", "Reply to request #42"],
    [null, "Ответ по заявке №42"],
    ["de", "Ответ по заявке №42"],
  ])("speaks %s", (locale, title) => {
    expect(notificationTexts(locale).replyTitle(42)).toBe(title);
  });
});

describe("excerpt", () => {
  it.each([
    ["short", 10, "short"],
    ["  two\n\nlines  ", 20, "two lines"],
    ["a very long reply indeed", 10, "a very lo…"],
  ])("%j at %i → %j", (text, max, expected) => {
    expect(excerpt(text, max)).toBe(expected);
  });
});
