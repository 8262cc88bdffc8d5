import { z } from "zod";
import { isDateInRange, safeString } from "../input.schema";

/** The most records one POST /api/usage may carry (a batch fits well inside the 1 MiB body limit). */
export const MAX_USAGE_BATCH = 5_000;

/**
 * One usage record from the network (a CDR, already summed per session): `amount` is seconds for
 * VOICE, messages for SMS and megabytes for DATA. `id` is the network's own id of the record: the
 * same id sent again is the same record.
 */
export const usageRecordInput = z.object({
  id: safeString()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9:._-]+$/, "Letters, digits and : . _ - only"),
  msisdn: z.string().regex(/^\+7\d{10}$/, "An E.164 Russian number, e.g. +79001000001"),
  kind: z.enum(["DATA", "VOICE", "SMS"]),
  amount: z.number().int("A whole number").min(0).max(10_000_000),
  at: z.iso
    .datetime({ offset: true, error: "An ISO 8601 time, e.g. 2026-12-04T10:15:00Z" })
    .transform((value) => new Date(value))
    .refine(isDateInRange, "Between the years 2000 and 2100"),
  roamingCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, "An ISO 3166 alpha-2 country code, e.g. TR")
    .optional(),
});

export const usageBatchInput = z.object({
  records: z
    .array(usageRecordInput)
    .min(1, "At least one record")
    .max(MAX_USAGE_BATCH, `At most ${MAX_USAGE_BATCH} records`),
});

export type UsageRecordInput = z.infer<typeof usageRecordInput>;
