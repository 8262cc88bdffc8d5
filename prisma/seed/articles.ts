import type { Category } from "../../server/domain/routing/policy.schema";
import { RowBuffer, type BulkWriter } from "./bulk-insert";
import { BILLING_TOPICS } from "./articles-billing";
import { SERVICE_TOPICS } from "./articles-service";
import type { CustomerSummary } from "./history";
import type { Rng } from "./random";
import type { ArticleIndex } from "./request-lifecycle";
import { ARTICLE_FEEDBACK, ARTICLE_VIEW } from "./tables";
import { addDays, addMonths, addMs, DAY, type SeedClock } from "./time";

type ArticleText = { title: string; summary: string; body: string };
export type ArticleTopic = { slug: string; categories: Category[]; ru: ArticleText; en: ArticleText };

export const ARTICLE_TOPICS: readonly ArticleTopic[] = [...BILLING_TOPICS, ...SERVICE_TOPICS];

export function articleId(slug: string, locale: "ru" | "en"): string {
  return `art_${slug.replace(/-/g, "_")}_${locale}`;
}

/** Inserts both language versions of every topic and returns the Russian ones by category. */
export function insertArticles(writer: BulkWriter, clock: SeedClock): ArticleIndex {
  const byCategory = new Map<Category, string[]>();
  const all: string[] = [];
  ARTICLE_TOPICS.forEach((topic, i) => {
    for (const locale of ["ru", "en"] as const) {
      const text = topic[locale];
      const id = articleId(topic.slug, locale);
      const createdAt = addMonths(clock.monthStart, -14);
      writer.query(
        `INSERT INTO "KnowledgeArticle" ("id", "slug", "locale", "title", "summary", "body", "categories", "published", "viewCount", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7::"RequestCategory"[], true, 0, $8, $9)`,
        [
          id,
          topic.slug,
          locale,
          text.title,
          text.summary,
          text.body,
          topic.categories,
          createdAt.toISOString(),
          addDays(createdAt, 20 + i * 9).toISOString(),
        ],
        "KnowledgeArticle",
      );
      all.push(id);
      if (locale !== "ru") continue;
      for (const category of topic.categories) byCategory.set(category, [...(byCategory.get(category) ?? []), id]);
    }
  });
  return { byCategory, all };
}

/** Articles read outside any request (browsing the help centre), with some "was it helpful" votes. */
export function writeBrowsingViews(
  customers: readonly CustomerSummary[],
  articles: ArticleIndex,
  rng: Rng,
  clock: SeedClock,
  feedbackGiven: Set<string>,
  writer: BulkWriter,
): void {
  const views = new RowBuffer(ARTICLE_VIEW);
  const feedback = new RowBuffer(ARTICLE_FEEDBACK);
  const ruArticles = articles.all.filter((id) => id.endsWith("_ru"));
  const count = Math.max(60, Math.round(customers.length / 4));
  for (let i = 1; i <= count && customers.length; i++) {
    const customer = rng.pick(customers);
    const articleId = rng.pick(ruArticles);
    const at = addMs(clock.asOf, -rng.float(0.02, 240) * DAY);
    const votes = rng.chance(0.25);
    const isHelpful = rng.chance(0.78);
    if (at.getTime() <= customer.createdAt.getTime()) continue;
    views.add({ id: `avw_b${String(i).padStart(6, "0")}`, articleId, customerId: customer.id, requestId: null, at });
    const key = `${articleId}:${customer.userId}`;
    if (votes && !feedbackGiven.has(key)) {
      feedbackGiven.add(key);
      feedback.add({
        id: `afb_b${String(i).padStart(6, "0")}`,
        articleId,
        userId: customer.userId,
        requestId: null,
        helpful: isHelpful,
        createdAt: addMs(at, 90_000),
      });
    }
    if (views.length >= 5000) writer.write(views);
  }
  writer.write(views);
  writer.write(feedback);
}

/** The counter shown on an article is the number of its recorded views. */
export function queueArticleViewCounts(writer: BulkWriter): void {
  writer.query(
    `UPDATE "KnowledgeArticle" a SET "viewCount" = v.n FROM (SELECT "articleId", count(*)::int AS n FROM "ArticleView" GROUP BY "articleId") v WHERE v."articleId" = a."id"`,
  );
}
