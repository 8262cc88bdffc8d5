import { z } from "zod";
import { cursorSchema, idempotencyKeySchema, idSchema, limitSchema, safeText } from "../input.schema";
import { CATEGORIES, SEGMENTS } from "../routing/policy.schema";

// Inputs of the agent console (`agent.*`), shared by the router and the console's forms.

/** Statuses a request can be in while it waits for or is with a person. */
export const OPEN_QUEUE_STATUSES = ["QUEUED", "ASSIGNED", "IN_PROGRESS", "WAITING_CUSTOMER", "REOPENED"] as const;
export const QUEUE_STATUS_VALUES = [...OPEN_QUEUE_STATUSES, "RESOLVED", "CLOSED"] as const;

/**
 * How an agent closes a request. The codes are stable (reports group by them); the UI translates
 * them. The seed's historical requests use the same codes.
 */
export const RESOLUTION_CODES = [
  "EXPLAINED",
  "FIXED",
  "CREDIT_ISSUED",
  "APOLOGY_CREDIT",
  "CHARGE_CONFIRMED",
  "TARIFF_CHANGED",
  "DOCUMENT_SENT",
  "SETTINGS_SENT",
  "OUTAGE_RESOLVED",
  "SIM_REPLACED",
  "PORTED",
  "RETAINED",
  "CONTRACT_CLOSED",
] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

const id = idSchema;
const idempotencyKey = idempotencyKeySchema;
const cursor = cursorSchema(100).optional();

export const queueInputSchema = z
  .object({
    status: z.enum(QUEUE_STATUS_VALUES).optional(),
    segment: z.enum(SEGMENTS).optional(),
    category: z.enum(CATEGORIES).optional(),
    /** Only requests I hold and those of customers I am personal manager of. */
    mine: z.boolean().optional(),
    /** Only the requests attached to this network incident (the queue's incident group). */
    incidentId: id.optional(),
    cursor,
    limit: limitSchema(),
  })
  .default({});
export type QueueInput = z.infer<typeof queueInputSchema>;

export const requestIdSchema = z.object({ requestId: id });

/** Incidents touching one customer's lines, or without a customer the active ones. */
export const agentIncidentsInput = z
  .object({ customerId: id.optional() })
  .optional()
  .transform((input) => input ?? {});

export const transferInputSchema = z.object({
  requestId: id,
  toAgentId: id,
  note: safeText({ max: 2000 }).optional(),
});

export const replyInputSchema = z.object({
  requestId: id,
  body: safeText({ min: 1, max: 5000, tooShort: "Write a message", tooLong: "At most 5000 characters" }),
  /** An internal note: seen by agents only, never by the subscriber. */
  internal: z.boolean().optional(),
  /** After a public reply, wait for the customer's answer (status WAITING_CUSTOMER). */
  waitForCustomer: z.boolean().optional(),
  idempotencyKey: idempotencyKey.optional(),
});
export type ReplyInput = z.infer<typeof replyInputSchema>;

export const resolveInputSchema = z.object({
  requestId: id,
  resolutionCode: z.enum(RESOLUTION_CODES, { error: "Choose a resolution code" }),
  note: safeText({ min: 1, max: 2000, tooShort: "Describe the resolution", tooLong: "At most 2000 characters" }),
});
export type ResolveInput = z.infer<typeof resolveInputSchema>;

export const customerIdSchema = z.object({ customerId: id });

export const customerSearchSchema = z.object({
  /** A phone number in any form, an account number, or a name. */
  query: safeText({ min: 2, max: 100, tooShort: "Type at least 2 characters" }),
  limit: limitSchema(50),
});

export const interactionsInputSchema = z.object({
  customerId: id,
  cursor,
  limit: limitSchema(),
});

export const cannedInputSchema = z.object({
  requestId: id,
  locale: z.enum(["ru", "en"]).optional(),
});

export const lineIdSchema = z.object({ lineId: id });

export const tariffPreviewInputSchema = z.object({
  lineId: id,
  tariffId: id,
  effective: z.enum(["IMMEDIATE", "NEXT_CYCLE"]),
});

export const changeTariffInputSchema = tariffPreviewInputSchema.extend({
  idempotencyKey,
  /** The request this change answers, if any (kept with the interaction). */
  requestId: id.optional(),
});
export type ChangeTariffInput = z.infer<typeof changeTariffInputSchema>;

export const adjustBillInputSchema = z.object({
  billId: id,
  /** Minor units; negative is a credit to the customer. */
  amountCents: z
    .number({ error: "Enter an amount" })
    .int("Whole kopecks only")
    .refine((value) => value !== 0, "The amount cannot be zero")
    .refine((value) => Math.abs(value) <= 100_000_000, "The amount is too large"),
  reason: safeText({ min: 3, max: 500, tooShort: "Give a reason", tooLong: "At most 500 characters" }),
  idempotencyKey,
  requestId: id.optional(),
});
export type AdjustBillInput = z.infer<typeof adjustBillInputSchema>;

export const agentDisableAutopayInput = z.object({ customerId: id, idempotencyKey });
export type AgentDisableAutopayInput = z.infer<typeof agentDisableAutopayInput>;
