import "server-only";
import type { Channel } from "@prisma/client";
import { sql } from "kysely";
import type { Database } from "../../db/client";
import { isUniqueViolation, notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import type { ArticleFeedbackInput, ArticleViewInput } from "./knowledge.schema";

type Reader = { userId: string; customerId: string | null; channel: Channel };

/** A request id of the reader's own, or null: a foreign one is NOT_FOUND. */
async function ownRequestId(
  db: Database,
  requestId: string | undefined,
  customerId: string | null,
): Promise<string | null> {
  if (!requestId) return null;
  const request = customerId
    ? await db.serviceRequest.findFirst({ where: { id: requestId, customerId }, select: { id: true } })
    : null;
  if (!request) throw notFound("Request");
  return request.id;
}

/** A reader's repeat view of an article within this window counts once (a reload, a second tab). */
const VIEW_DEDUP_MS = 30 * 60 * 1000;

/**
 * One article to read. Reading writes nothing (it is a GET, so a cross-site link must not skew
 * the ranking): the page counts the view with `recordArticleView` once it shows the article.
 */
export async function readArticle(
  db: Database,
  reader: Reader,
  input: { slug: string; locale: "ru" | "en"; requestId?: string },
) {
  const article =
    (await db.knowledgeArticle.findFirst({ where: { slug: input.slug, locale: input.locale, published: true } })) ??
    (await db.knowledgeArticle.findFirst({ where: { slug: input.slug, published: true }, orderBy: { locale: "asc" } }));
  if (!article) throw notFound("Article");
  await ownRequestId(db, input.requestId, reader.customerId);
  const feedback = await db.articleFeedback.findUnique({
    where: { articleId_userId: { articleId: article.id, userId: reader.userId } },
    select: { helpful: true },
  });
  return {
    id: article.id,
    slug: article.slug,
    locale: article.locale,
    title: article.title,
    summary: article.summary,
    body: article.body,
    categories: article.categories,
    updatedAt: article.updatedAt,
    helpful: feedback?.helpful ?? null,
  };
}

/**
 * `knowledge.recordView`: a subscriber's reading of an article is counted (view, counter,
 * interaction), at most once per article in `VIEW_DEDUP_MS`; staff reading is not counted.
 */
export async function recordArticleView(db: Database, reader: Reader, input: ArticleViewInput, now = new Date()) {
  const article = await db.knowledgeArticle.findFirst({
    where: { id: input.articleId, published: true },
    select: { id: true, slug: true },
  });
  if (!article) throw notFound("Article");
  const requestId = await ownRequestId(db, input.requestId, reader.customerId);
  const customerId = reader.customerId;
  if (!customerId) return { counted: false };
  return db.$transaction(async (tx) => {
    // One view per reader and article at a time, also for two calls at once.
    await sql`select pg_advisory_xact_lock(hashtext(${`article-view:${customerId}:${article.id}`}))::text`.execute(
      tx.$kysely,
    );
    const recent = await tx.articleView.findFirst({
      where: { articleId: article.id, customerId, at: { gte: new Date(now.getTime() - VIEW_DEDUP_MS) } },
      select: { id: true },
    });
    if (recent) return { counted: false };
    await tx.articleView.create({ data: { articleId: article.id, customerId, requestId, at: now } });
    await tx.knowledgeArticle.update({ where: { id: article.id }, data: { viewCount: { increment: 1 } } });
    await recordInteraction(tx, {
      customerId,
      channel: reader.channel,
      type: "ARTICLE_VIEWED",
      actorId: reader.userId,
      requestId,
      data: { articleId: article.id, slug: article.slug },
      at: now,
    });
    return { counted: true };
  });
}

/** "Did this help?": one answer per user and article; answering again changes it. */
export async function giveArticleFeedback(db: Database, reader: Reader, input: ArticleFeedbackInput) {
  const article = await db.knowledgeArticle.findFirst({
    where: { id: input.articleId, published: true },
    select: { id: true },
  });
  if (!article) throw notFound("Article");
  const requestId = await ownRequestId(db, input.requestId, reader.customerId);
  const where = { articleId_userId: { articleId: article.id, userId: reader.userId } };
  const update = { helpful: input.helpful, ...(requestId ? { requestId } : {}) };
  const feedback = await db.articleFeedback
    .upsert({
      where,
      create: { articleId: article.id, userId: reader.userId, requestId, helpful: input.helpful },
      update,
    })
    .catch(async (error: unknown) => {
      // Two answers at once: the other one created the row; this one updates it.
      if (isUniqueViolation(error)) return db.articleFeedback.update({ where, data: update });
      throw error;
    });
  return { articleId: feedback.articleId, helpful: feedback.helpful };
}
