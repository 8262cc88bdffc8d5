import type { Category } from "../../server/domain/routing/policy.schema";
import { RowBuffer, seedSql, type BulkWriter } from "./bulk-insert";
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
      writer.run(
        seedSql.insertInto("KnowledgeArticle").values({
          id,
          slug: topic.slug,
          locale,
          title: text.title,
          summary: text.summary,
          body: text.body,
          categories: topic.categories,
          published: true,
          viewCount: 0,
          createdAt,
          updatedAt: addDays(createdAt, 20 + i * 9),
        }),
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
  writer.run(
    seedSql
      .updateTable("KnowledgeArticle as a")
      .from((db) =>
        db
          .selectFrom("ArticleView")
          .select((eb) => ["articleId", eb.cast<number>(eb.fn.countAll(), "integer").as("n")])
          .groupBy("articleId")
          .as("v"),
      )
      .set((eb) => ({ viewCount: eb.ref("v.n") }))
      .whereRef("v.articleId", "=", "a.id"),
  );
}
