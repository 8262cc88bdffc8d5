import { z } from "zod";
import { idSchema, limitSchema, safeString } from "../input.schema";
import { categorySchema } from "../routing/policy.schema";

export const LOCALES = ["ru", "en"] as const;
export const articleLocaleSchema = z.enum(LOCALES);

/** What the subscriber types; long input is cut to what the search uses, not refused. */
export const searchArticlesInput = z.object({
  query: safeString().max(500, "At most 500 characters"),
  category: categorySchema.optional(),
  locale: articleLocaleSchema.optional(),
  limit: limitSchema(20),
});

export const articleBySlugInput = z.object({
  slug: safeString()
    .min(1)
    .max(120)
    .regex(/^[a-z0-9-]+$/, "Lower-case letters, digits and hyphens"),
  locale: articleLocaleSchema.optional(),
  /** The request the article is read for, to count it toward that request's self-service. */
  requestId: idSchema.optional(),
});

export const articleFeedbackInput = z.object({
  articleId: idSchema,
  helpful: z.boolean(),
  requestId: idSchema.optional(),
});

/** `knowledge.recordView`: the page shows the article (read with `knowledge.article`), so its view counts. */
export const articleViewInput = z.object({
  articleId: idSchema,
  /** The request the article is read for, to count it toward that request's self-service. */
  requestId: idSchema.optional(),
});

export type ArticleViewInput = z.infer<typeof articleViewInput>;
export type SearchArticlesInput = z.infer<typeof searchArticlesInput>;
export type ArticleFeedbackInput = z.infer<typeof articleFeedbackInput>;
