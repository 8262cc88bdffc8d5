import { z } from "zod";
import {
  cursorSchema as cursorOf,
  dateBoundary,
  idempotencyKeySchema,
  idSchema,
  int4,
  limitSchema as pageSize,
  safeString,
  safeText,
} from "../input.schema";
import { categorySchema, routingPolicySchema, segmentSchema } from "../routing/policy.schema";

/** Inputs of the supervisor's procedures (`admin.*`); the forms reuse them. Imports only zod schemas. */

const cursorSchema = cursorOf().optional();
const limitSchema = pageSize();

/** The longest report range: two years keeps every aggregate fast. */
export const MAX_REPORT_DAYS = 731;
const DAY_MS = 24 * 60 * 60 * 1000;

const rangeShape = { from: dateBoundary("start"), to: dateBoundary("end") };

function checkRange(range: { from: Date; to: Date }, ctx: z.RefinementCtx): void {
  if (range.to.getTime() <= range.from.getTime()) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "The end must be after the start" });
  } else if (range.to.getTime() - range.from.getTime() > MAX_REPORT_DAYS * DAY_MS) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `At most ${MAX_REPORT_DAYS} days` });
  }
}

export const reportRangeInput = z.object(rangeShape).superRefine(checkRange);
/** The CSV's labels follow the language the supervisor reads the page in (default: their account's). */
export const exportReportInput = z
  .object({ ...rangeShape, locale: z.enum(["ru", "en"]).optional() })
  .superRefine(checkRange);
export type ReportRange = z.infer<typeof reportRangeInput>;

// Routing policy
export const SEGMENT_BASES = ["RESCORED", "AT_CREATION"] as const;
export const whatIfInput = z.object({
  config: routingPolicySchema,
  /** RESCORED: each customer's segment recomputed from their stored value facts under each policy. */
  segmentBasis: z.enum(SEGMENT_BASES).optional(),
  days: z.number().int().min(1).max(90).optional(),
});
export const savePolicyInput = z.object({
  config: routingPolicySchema,
  /** The version the editor started from; a newer one saved meanwhile is a CONFLICT. */
  baseVersion: int4().min(0),
  note: safeText({ max: 500 }).optional(),
  idempotencyKey: idempotencyKeySchema,
});
export const policyVersionInput = z.object({ version: int4().min(1) });
export const policyVersionsInput = z.object({ cursor: cursorSchema, limit: limitSchema }).optional();
export type WhatIfInput = z.infer<typeof whatIfInput>;
export type SavePolicyInput = z.infer<typeof savePolicyInput>;

// Tariff catalogue
const MAX_FEE_CENTS = 10_000_000;
const allowance = z.number().int().min(0).max(10_000_000).nullable();
const priceCents = z.number().int().min(0).max(MAX_FEE_CENTS);
export const TARIFF_CODE = /^[A-Z0-9][A-Z0-9_-]{1,31}$/;

export const tariffFieldsSchema = z.object({
  name: safeText({ min: 2, max: 80, tooShort: "At least 2 characters" }),
  nameEn: safeText({ min: 2, max: 80, tooShort: "At least 2 characters" }),
  description: safeText({ max: 1000 }),
  descriptionEn: safeText({ max: 1000 }),
  kind: z.enum(["MOBILE", "HOME_INTERNET"]),
  monthlyFeeCents: priceCents,
  minutes: allowance,
  sms: allowance,
  dataMb: allowance,
  minuteCents: priceCents,
  smsCents: priceCents,
  dataBlockCents: priceCents,
  /** Empty: open to every segment. */
  openToSegments: z
    .array(segmentSchema)
    .max(4)
    .refine((list) => new Set(list).size === list.length, "Each segment once"),
  soldToNewCustomers: z.boolean(),
  minTermMonths: z.number().int().min(0).max(36),
});
export const createTariffInput = tariffFieldsSchema.extend({
  code: safeString().trim().toUpperCase().regex(TARIFF_CODE, "2–32 Latin capitals, digits, - or _"),
  idempotencyKey: idempotencyKeySchema,
});
export const updateTariffInput = tariffFieldsSchema.partial().extend({ id: idSchema });
export const tariffIdInput = z.object({ id: idSchema });
export const deleteTariffInput = z.object({ id: idSchema, idempotencyKey: idempotencyKeySchema });
export type TariffFields = z.infer<typeof tariffFieldsSchema>;
export type CreateTariffInput = z.infer<typeof createTariffInput>;
export type UpdateTariffInput = z.infer<typeof updateTariffInput>;

// Knowledge base
export const ARTICLE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const articleLocaleSchema = z.enum(["ru", "en"]);
export const articleContentSchema = z.object({
  title: safeText({ min: 3, max: 200, tooShort: "At least 3 characters" }),
  summary: safeText({ max: 500 }),
  body: safeText({ min: 20, max: 20_000, tooShort: "At least 20 characters" }),
  categories: z
    .array(categorySchema)
    .min(1, "Choose at least one category")
    .max(11)
    .refine((list) => new Set(list).size === list.length, "Each category once"),
  published: z.boolean(),
});
export const createArticleInput = articleContentSchema.extend({
  slug: safeText({ min: 3, max: 120 }).regex(ARTICLE_SLUG, "Lower-case Latin letters, digits and single hyphens"),
  locale: articleLocaleSchema,
  /** The resolved request the article was written from, for the audit trail. */
  fromRequestId: idSchema.optional(),
  idempotencyKey: idempotencyKeySchema,
});
export const updateArticleInput = articleContentSchema.partial().extend({ id: idSchema });
export const articleSlugInput = z.object({ slug: safeText({ min: 1, max: 120 }) });
export const setPublishedInput = z.object({ id: idSchema, published: z.boolean() });
export const listArticlesInput = z
  .object({
    query: safeText({ max: 100 }).optional(),
    category: categorySchema.optional(),
    cursor: cursorSchema,
    limit: limitSchema,
  })
  .optional();
export const draftFromRequestInput = z.object({ requestNumber: int4().min(1) });
export const effectivenessInput = z
  .object({ days: z.number().int().min(1).max(730).optional(), cursor: cursorSchema, limit: limitSchema })
  .optional();
export type ArticleContent = z.infer<typeof articleContentSchema>;
export type CreateArticleInput = z.infer<typeof createArticleInput>;
export type UpdateArticleInput = z.infer<typeof updateArticleInput>;

// Approvals
export const APPROVAL_VIEWS = ["PENDING", "DECIDED"] as const;
export const listApprovalsInput = z
  .object({ view: z.enum(APPROVAL_VIEWS).optional(), cursor: cursorSchema, limit: limitSchema })
  .optional();
export const approveInput = z.object({ adjustmentId: idSchema, note: safeText({ max: 500 }).optional() });
export const rejectInput = z.object({
  adjustmentId: idSchema,
  reason: safeText({ min: 5, max: 500, tooShort: "Say why in at least 5 characters" }),
});

// Users
export const STAFF_ROLES = ["AGENT", "PARTNER", "ADMIN"] as const;
export const staffRoleSchema = z.enum(STAFF_ROLES);
export const listUsersInput = z
  .object({
    role: staffRoleSchema.optional(),
    query: safeText({ max: 100 }).optional(),
    cursor: cursorSchema,
    limit: limitSchema,
  })
  .optional();
export const createUserInput = z
  .object({
    role: staffRoleSchema,
    name: safeText({ min: 2, max: 100, tooShort: "At least 2 characters" }),
    email: safeString().trim().toLowerCase().max(200).pipe(z.email("Not an e-mail address")),
    password: safeString().min(10, "At least 10 characters").max(128),
    locale: z.enum(["ru", "en"]),
    partnerId: idSchema.optional(),
    idempotencyKey: idempotencyKeySchema,
  })
  .superRefine((user, ctx) => {
    if (user.role === "PARTNER" && !user.partnerId)
      ctx.addIssue({ code: "custom", path: ["partnerId"], message: "Choose the dealer" });
    if (user.role !== "PARTNER" && user.partnerId)
      ctx.addIssue({ code: "custom", path: ["partnerId"], message: "Only dealer staff belong to a dealer" });
  });
export const userIdInput = z.object({ userId: idSchema });
export const unthrottleInput = z.object({ identifier: safeText({ min: 3, max: 200 }) });
/** A subscriber's login phone, in any common form (`+7 900 100-00-01`, `89001000001`). */
export const findSubscriberInput = z.object({ phone: safeText({ min: 5, max: 30 }) });
export type CreateUserInput = z.infer<typeof createUserInput>;

// Audit log
export const listAuditInput = z
  .object({
    actorId: idSchema.optional(),
    entityType: safeText({ min: 1, max: 60 }).optional(),
    entityId: safeText({ min: 1, max: 100 }).optional(),
    action: safeText({ min: 1, max: 100 }).optional(),
    from: dateBoundary("start").optional(),
    to: dateBoundary("end").optional(),
    cursor: cursorSchema,
    limit: limitSchema,
  })
  .optional();
export type ListAuditInput = z.infer<typeof listAuditInput>;
