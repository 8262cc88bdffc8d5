import "server-only";
import type { Channel } from "@prisma/client";
import type { Database } from "../../db/client";
import { isUniqueViolation, notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import type { ArticleFeedbackInput } from "./knowledge.schema";

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

/** One article to read; a subscriber's reading is counted (view, counter, interaction). */
export async function readArticle(
  db: Database,
  reader: Reader,
  input: { slug: string; locale: "ru" | "en"; requestId?: string },
) {
  const article =
    (await db.knowledgeArticle.findFirst({ where: { slug: input.slug, locale: input.locale, published: true } })) ??
    (await db.knowledgeArticle.findFirst({ where: { slug: input.slug, published: true }, orderBy: { locale: "asc" } }));
  if (!article) throw notFound("Article");
  const requestId = await ownRequestId(db, input.requestId, reader.customerId);
  const feedback = await db.articleFeedback.findUnique({
    where: { articleId_userId: { articleId: article.id, userId: reader.userId } },
    select: { helpful: true },
  });
  if (reader.customerId) {
    const customerId = reader.customerId;
    await db.$transaction(async (tx) => {
      await tx.articleView.create({ data: { articleId: article.id, customerId, requestId } });
      await tx.knowledgeArticle.update({ where: { id: article.id }, data: { viewCount: { increment: 1 } } });
      await recordInteraction(tx, {
        customerId,
        channel: reader.channel,
        type: "ARTICLE_VIEWED",
        actorId: reader.userId,
        requestId,
        data: { articleId: article.id, slug: article.slug },
      });
    });
  }
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
