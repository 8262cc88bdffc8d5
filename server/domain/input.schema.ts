import { z } from "zod";

/**
 * The pieces every procedure's input is built from, so that nothing a client sends reaches
 * PostgreSQL in a form it cannot store or compare: each one answers BAD_REQUEST with the field
 * (the tRPC error formatter turns zod issues into `fields`), never a 500 from the database.
 * Imports only zod: the pages' forms reuse them.
 *
 * - text: `safeString()` / `safeText({...})` refuse NUL (PostgreSQL error 22021) and unpaired
 *   UTF-16 surrogates (not encodable as UTF-8);
 * - ids: `idSchema` is the form of every primary key (cuid, or the seed's `cus_000001`);
 * - integers: `int4()` stays within an `Int` column, `limitSchema(max)` is a page size;
 * - dates: `boundedDate()` and `dateBoundary(edge)` stay within years 2000–2100, far from the
 *   JS Date and PostgreSQL limits that date arithmetic (a day or a month added) could pass.
 */

/** English messages the API answers; the pages translate them by key (`server.input.*` in messages). */
export const INPUT_MESSAGES = {
  required: "Required",
  unsafeText: "Contains a character that cannot be stored (NUL or a broken Unicode character)",
  notAnId: "Not an id",
  notADate: "Not a date: use YYYY-MM-DD or an ISO time",
  dateOutOfRange: "Choose a date between the years 2000 and 2100",
  tooBig: "Too large a number",
  tooSmall: "Too small a number",
  notACursor: "Not a cursor of this list",
} as const;

export type InputMessageKey = keyof typeof INPUT_MESSAGES;

// NUL, or a high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether PostgreSQL can store the text as it is (no NUL, no lone surrogate). */
export function isStorableText(value: string): boolean {
  return !UNSAFE_TEXT.test(value);
}

/**
 * A string PostgreSQL can store; chain `.trim().min(…).max(…)` as with `z.string()`. The check
 * comes first, so a NUL is reported as such even when the text is also too long.
 */
export function safeString(message: string = INPUT_MESSAGES.required) {
  return z.string(message).refine(isStorableText, INPUT_MESSAGES.unsafeText);
}

type TextOptions = {
  /** Characters at most (required: nothing is unbounded). */
  max: number;
  min?: number;
  /** Trim whitespace before the length checks (default true). */
  trim?: boolean;
  /** The messages for too short and too long; zod's own otherwise. */
  tooShort?: string;
  tooLong?: string;
};

/** Storable text of a bounded length, trimmed unless `trim: false`. */
export function safeText({ max, min, trim = true, tooShort, tooLong }: TextOptions) {
  const base = trim ? safeString().trim() : safeString();
  const bounded = min !== undefined ? base.min(min, tooShort) : base;
  return bounded.max(max, tooLong);
}

/** Ids: cuid (`@default(cuid())` in schema.prisma) or the seed's readable ones (`cus_000001`, `trf_smart`). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a value has the form of an id of ours. */
export function isIdLike(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** A primary key: a wrong form is BAD_REQUEST; a well-formed id of someone else's row stays NOT_FOUND in the domain. */
export const idSchema = z
  .string(INPUT_MESSAGES.required)
  .trim()
  .min(1, INPUT_MESSAGES.required)
  .max(64, INPUT_MESSAGES.notAnId)
  .regex(ID_PATTERN, INPUT_MESSAGES.notAnId);

/** A client's idempotency key (`newIdempotencyKey` makes them): 8–100 storable characters. */
export const idempotencyKeySchema = safeString().min(8, "At least 8 characters").max(100, "At most 100 characters");

/** An opaque page cursor handed out by a list (each list decodes and checks its own form). */
export function cursorSchema(max = 200) {
  return safeString().min(1, INPUT_MESSAGES.notACursor).max(max, INPUT_MESSAGES.notACursor);
}

/** PostgreSQL `integer` (int4), the type of every `Int` column. */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

/** A whole number an `Int` column holds; chain `.min()`/`.max()` for the field's own range. */
export function int4(message?: string) {
  return z
    .number(message)
    .int(message ?? "Whole numbers only")
    .min(INT4_MIN, INPUT_MESSAGES.tooSmall)
    .max(INT4_MAX, INPUT_MESSAGES.tooBig);
}

/** The largest page any list hands out. */
export const MAX_PAGE_SIZE = 100;

/** A page size: 1 to `max` (at most `MAX_PAGE_SIZE`); each list has its own default. */
export function limitSchema(max: number = MAX_PAGE_SIZE) {
  return int4().min(1).max(Math.min(max, MAX_PAGE_SIZE)).optional();
}

/** Dates a client may send: years 2000–2100 (UTC), so a day or a month added stays storable. */
export const DATE_MIN = new Date(Date.UTC(2000, 0, 1));
export const DATE_MAX = new Date(Date.UTC(2101, 0, 1));

/** Whether a date is valid and within `DATE_MIN`..`DATE_MAX` (cursors and inputs both use it). */
export function isDateInRange(date: Date): boolean {
  const time = date.getTime();
  return !Number.isNaN(time) && time >= DATE_MIN.getTime() && time <= DATE_MAX.getTime();
}

/** A `Date` (superjson sends them as dates) within the years 2000–2100. */
export function boundedDate() {
  return z.date(INPUT_MESSAGES.notADate).refine(isDateInRange, INPUT_MESSAGES.dateOutOfRange);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A range boundary: an instant, or a calendar day (UTC) given as "YYYY-MM-DD". A day as the `end`
 * includes that whole day, so `{from: "2026-01-01", to: "2026-01-31"}` is all of January. The
 * result is within the years 2000–2100.
 */
export function dateBoundary(edge: "start" | "end") {
  const dateOrText = z.union([z.date(), safeString().trim().min(1).max(40)], { error: INPUT_MESSAGES.notADate });
  return dateOrText.transform((value, ctx) => {
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: INPUT_MESSAGES.notADate });
      return z.NEVER;
    }
    const isDay = typeof value === "string" && DATE_ONLY.test(value);
    const result = isDay && edge === "end" ? new Date(date.getTime() + DAY_MS) : date;
    if (!isDateInRange(result)) {
      ctx.addIssue({ code: "custom", message: INPUT_MESSAGES.dateOutOfRange });
      return z.NEVER;
    }
    return result;
  });
}
