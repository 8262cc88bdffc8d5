import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  cursorSchema,
  dateBoundary,
  boundedDate,
  idempotencyKeySchema,
  idSchema,
  INPUT_MESSAGES,
  int4,
  INT4_MAX,
  INT4_MIN,
  isStorableText,
  limitSchema,
  MAX_PAGE_SIZE,
  safeString,
  safeText,
} from "./input.schema";

/** The first issue's message, or "ok" with the parsed value. */
function outcome(schema: z.ZodType, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: result.error.issues[0]!.message };
}

describe("isStorableText", () => {
  it.each([
    ["plain text", "Соколов Андрей", true],
    ["an emoji (a surrogate pair)", "ok 👍", true],
    ["empty", "", true],
    ["NUL", "a\u0000b", false],
    ["a lone high surrogate", "a\ud800b", false],
    ["a lone high surrogate at the end", "abc\ud83d", false],
    ["a lone low surrogate", "a\udc00b", false],
    ["two high surrogates", "\ud800\ud800\udc00", false],
    ["reversed pair", "\udc00\ud800", false],
  ])("%s → %s", (_label, value, storable) => {
    expect(isStorableText(value)).toBe(storable);
  });
});

describe("safeString and safeText", () => {
  const subject = safeText({ min: 3, max: 10, tooShort: "short", tooLong: "long" });
  it.each([
    ["trims", subject, "  hello  ", { ok: true, value: "hello" }],
    ["counts after trimming", subject, "  ab  ", { ok: false, message: "short" }],
    ["too long", subject, "x".repeat(11), { ok: false, message: "long" }],
    ["NUL before the length", subject, "\u0000".repeat(20), { ok: false, message: INPUT_MESSAGES.unsafeText }],
    ["lone surrogate", subject, "ab\ud800cd", { ok: false, message: INPUT_MESSAGES.unsafeText }],
    ["not a string", subject, 12, { ok: false, message: INPUT_MESSAGES.required }],
    ["untrimmed when asked", safeText({ max: 5, trim: false }), " a ", { ok: true, value: " a " }],
    ["chains like z.string()", safeString().trim().toUpperCase().max(5), " ab ", { ok: true, value: "AB" }],
    ["its own type message", safeString("Enter it"), null, { ok: false, message: "Enter it" }],
  ])("%s", (_label, schema, value, expected) => {
    expect(outcome(schema, value)).toEqual(expected);
  });
});

describe("idSchema", () => {
  it.each([
    ["a cuid", "clx1abcde0000qwertyuiop12", true],
    ["a seed id", "cus_000001", true],
    ["a seed id with dashes", "trf_smart-plus", true],
    ["trimmed", " usr_admin ", true],
    ["64 characters", "a".repeat(64), true],
    ["65 characters", "a".repeat(65), false],
    ["empty", "", false],
    ["NUL", "cus_\u00001", false],
    ["lone surrogate", "cus_\ud8001", false],
    ["a space inside", "cus 1", false],
    ["SQL", "1' OR '1'='1", false],
    ["a path", "../etc/passwd", false],
    ["a number", 1, false],
  ])("%s → %s", (_label, value, valid) => {
    expect(idSchema.safeParse(value).success).toBe(valid);
  });

  it("says what is wrong", () => {
    expect(outcome(idSchema, "a b")).toEqual({ ok: false, message: INPUT_MESSAGES.notAnId });
    expect(outcome(idSchema, "")).toEqual({ ok: false, message: INPUT_MESSAGES.required });
  });
});

describe("idempotencyKeySchema and cursorSchema", () => {
  it.each([
    ["a client key", idempotencyKeySchema, "pay-7f3c2a9e-1b4d", true],
    ["too short a key", idempotencyKeySchema, "short", false],
    ["a key with NUL", idempotencyKeySchema, "key\u0000-12345678", false],
    ["too long a key", idempotencyKeySchema, "k".repeat(101), false],
    ["a cursor", cursorSchema(), "MjAyNi0wMS0wMVQwMDowMDowMC4wMDBafGJpbGw", true],
    ["an empty cursor", cursorSchema(), "", false],
    ["a cursor with NUL", cursorSchema(), "abc\u0000", false],
    ["a cursor past its max", cursorSchema(10), "x".repeat(11), false],
  ])("%s → %s", (_label, schema, value, valid) => {
    expect(schema.safeParse(value).success).toBe(valid);
  });
});

describe("int4 and limitSchema", () => {
  it.each([
    ["zero", int4(), 0, true],
    ["int4 max", int4(), INT4_MAX, true],
    ["int4 min", int4(), INT4_MIN, true],
    ["past int4 max", int4(), INT4_MAX + 1, false],
    ["2^31", int4().min(1), 2 ** 31, false],
    ["below int4 min", int4(), INT4_MIN - 1, false],
    ["a fraction", int4(), 1.5, false],
    ["NaN", int4(), Number.NaN, false],
    ["Infinity", int4(), Number.POSITIVE_INFINITY, false],
    ["a numeric string", int4(), "1", false],
    ["a page of 1", limitSchema(), 1, true],
    ["a page of 0", limitSchema(), 0, false],
    ["the largest page", limitSchema(), MAX_PAGE_SIZE, true],
    ["past the largest page", limitSchema(), MAX_PAGE_SIZE + 1, false],
    ["past a list's own cap", limitSchema(20), 21, false],
    ["a cap above the largest page is the largest page", limitSchema(1000), MAX_PAGE_SIZE + 1, false],
    ["no limit", limitSchema(), undefined, true],
  ])("%s → %s", (_label, schema, value, valid) => {
    expect(schema.safeParse(value).success).toBe(valid);
  });

  it("says a number is too large", () => {
    expect(outcome(int4().min(1), 2 ** 31)).toEqual({ ok: false, message: INPUT_MESSAGES.tooBig });
  });
});

describe("dates", () => {
  const start = dateBoundary("start");
  const end = dateBoundary("end");
  it.each([
    ["a day as the start", start, "2026-01-01", { ok: true, value: new Date("2026-01-01T00:00:00Z") }],
    ["a day as the end includes the day", end, "2026-01-31", { ok: true, value: new Date("2026-02-01T00:00:00Z") }],
    ["an instant", start, "2026-01-01T10:00:00Z", { ok: true, value: new Date("2026-01-01T10:00:00Z") }],
    ["a Date", start, new Date("2030-05-05T00:00:00Z"), { ok: true, value: new Date("2030-05-05T00:00:00Z") }],
    ["the first day", start, "2000-01-01", { ok: true, value: new Date("2000-01-01T00:00:00Z") }],
    ["the last day as the end", end, "2100-12-31", { ok: true, value: new Date("2101-01-01T00:00:00Z") }],
    ["before 2000", start, "1999-12-31", { ok: false, message: INPUT_MESSAGES.dateOutOfRange }],
    ["after 2100", start, "2101-01-02", { ok: false, message: INPUT_MESSAGES.dateOutOfRange }],
    ["year 9999 (a day later is year 10000)", end, "9999-12-31", { ok: false, message: INPUT_MESSAGES.dateOutOfRange }],
    ["year 275760", start, "275760-09-12", { ok: false, message: INPUT_MESSAGES.dateOutOfRange }],
    ["the last JS date", end, new Date(8.64e15), { ok: false, message: INPUT_MESSAGES.dateOutOfRange }],
    ["not a date", start, "yesterday", { ok: false, message: INPUT_MESSAGES.notADate }],
    ["an invalid Date", start, new Date(Number.NaN), { ok: false, message: INPUT_MESSAGES.notADate }],
  ])("%s", (_label, schema, value, expected) => {
    expect(outcome(schema, value)).toEqual(expected);
  });

  it.each([
    [new Date("2026-06-01T00:00:00Z"), true],
    [new Date("1970-01-01T00:00:00Z"), false],
    [new Date("+010000-01-01T00:00:00Z"), false],
    [new Date(Number.NaN), false],
    ["2026-06-01", false],
  ])("boundedDate(%s) → %s", (value, valid) => {
    expect(boundedDate().safeParse(value).success).toBe(valid);
  });
});
