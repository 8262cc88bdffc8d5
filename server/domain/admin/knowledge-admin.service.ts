import "server-only";
import type { KnowledgeArticle, Prisma } from "@prisma/client";
import type { Database } from "../../db/client";
import { localeOrDefault, type AppLocale } from "../../i18n/locales";
import { writeAudit, type AuditActor } from "../audit/write-audit.service";
import { AppError, isUniqueViolation, notFound } from "../errors";
import type { Category } from "../routing/policy.schema";
import type { CreateArticleInput, UpdateArticleInput } from "./admin.schema";
import { findKeyedEntry } from "./keyed-audit.service";

const CREATE = "article.create";
const PAGE = 50;
const CONTENT_FIELDS = ["title", "summary", "body", "categories", "published"] as const;

type Snapshot = Pick<KnowledgeArticle, "slug" | "locale" | (typeof CONTENT_FIELDS)[number]>;

function snapshotOf(article: Snapshot): Snapshot {
  return {
    slug: article.slug,
    locale: article.locale,
    title: article.title,
    summary: article.summary,
    body: article.body,
    categories: article.categories,
    published: article.published,
  };
}

const editorFields = {
  id: true,
  slug: true,
  locale: true,
  title: true,
  summary: true,
  body: true,
  categories: true,
  published: true,
  viewCount: true,
  updatedAt: true,
} as const;

/**
 * Articles grouped by slug, each with its Russian and English version (either may be missing),
 * filtered by words in the title or slug and by category; ordered by slug.
 */
export async function listArticleTopics(
  db: Database,
  input: { query?: string; category?: Category; cursor?: string; limit?: number } = {},
) {
  const take = input.limit ?? PAGE;
  const where: Prisma.KnowledgeArticleWhereInput = {
    ...(input.category ? { categories: { has: input.category } } : {}),
    ...(input.query
      ? {
          OR: [
            { title: { contains: input.query, mode: "insensitive" } },
            { slug: { contains: input.query.toLowerCase() } },
          ],
        }
      : {}),
  };
  // Page by slug: the slugs of this page first, then both versions of each.
  const slugs = await db.knowledgeArticle.findMany({
    where: { ...where, ...(input.cursor ? { slug: { gt: input.cursor } } : {}) },
    distinct: ["slug"],
    orderBy: { slug: "asc" },
    take: take + 1,
    select: { slug: true },
  });
  const page = slugs.slice(0, take).map((row) => row.slug);
  const articles = await db.knowledgeArticle.findMany({
    where: { slug: { in: page } },
    select: {
      id: true,
      slug: true,
      locale: true,
      title: true,
      categories: true,
      published: true,
      viewCount: true,
      updatedAt: true,
    },
  });
  const items = page.map((slug) => {
    const versions = articles.filter((article) => article.slug === slug);
    return { slug, ...byLocale(versions) };
  });
  return { items, nextCursor: slugs.length > take ? page[page.length - 1]! : null };
}

/** An article's language versions by locale (null where it is not written yet). */
function byLocale<Version extends { locale: string }>(versions: Version[]) {
  const find = (locale: AppLocale) => versions.find((version) => version.locale === locale) ?? null;
  return { ru: find("ru"), en: find("en") };
}

/** Both language versions of one article, for the editor. */
export async function getArticleTopic(db: Database, slug: string) {
  const versions = await db.knowledgeArticle.findMany({ where: { slug }, select: editorFields });
  if (!versions.length) throw notFound("Article");
  return { slug, ...byLocale(versions) };
}

async function articleById(db: Database, id: string) {
  const article = await db.knowledgeArticle.findUnique({ where: { id }, select: editorFields });
  if (!article) throw notFound("Article");
  return article;
}

/**
 * A new article in one language (the other language is a second article with the same slug).
 * Slug and language are unique together; the idempotency key makes a retry answer the same article.
 */
export async function createArticle(db: Database, actor: AuditActor, input: CreateArticleInput) {
  const replay = await findKeyedEntry(db, actor, input.idempotencyKey, CREATE);
  if (replay) return articleById(db, replay.entityId);
  const { idempotencyKey, fromRequestId, ...data } = input;
  if (fromRequestId && !(await db.serviceRequest.findUnique({ where: { id: fromRequestId }, select: { id: true } }))) {
    throw notFound("Request");
  }
  try {
    const id = await db.$transaction(async (tx) => {
      const article = await tx.knowledgeArticle.create({ data });
      await writeAudit(tx, actor, {
        action: CREATE,
        entityType: "KnowledgeArticle",
        entityId: article.id,
        before: null,
        after: { ...snapshotOf(article), fromRequestId: fromRequestId ?? null },
        idempotencyKey,
      });
      return article.id;
    });
    return articleById(db, id);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findKeyedEntry(db, actor, idempotencyKey, CREATE);
    if (winner) return articleById(db, winner.entityId);
    throw new AppError("CONFLICT", `The ${input.locale} version of "${input.slug}" already exists: edit it instead`, {
      slug: "This article already exists in this language",
    });
  }
}

/** Edits one language version. Saving the same text again changes nothing and writes no audit entry. */
export async function updateArticle(db: Database, actor: AuditActor, input: UpdateArticleInput) {
  const { id, ...changes } = input;
  await db.$transaction(async (tx) => {
    await tx.$kysely.selectFrom("KnowledgeArticle").select("id").where("id", "=", id).forUpdate().execute();
    const article = await tx.knowledgeArticle.findUnique({ where: { id } });
    if (!article) throw notFound("Article");
    const before = snapshotOf(article);
    const after = snapshotOf({ ...article, ...changes });
    const differs = CONTENT_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
    if (!differs.length) return;
    await tx.knowledgeArticle.update({ where: { id }, data: changes });
    await writeAudit(tx, actor, {
      action:
        differs.length === 1 && differs[0] === "published"
          ? after.published
            ? "article.publish"
            : "article.unpublish"
          : "article.update",
      entityType: "KnowledgeArticle",
      entityId: id,
      before: Object.fromEntries(differs.map((field) => [field, before[field]])),
      after: Object.fromEntries(differs.map((field) => [field, after[field]])),
    });
  });
  return articleById(db, id);
}

/**
 * A draft article from a request an agent resolved: the question (subject and description), the
 * agent's public replies and the resolution note, in the customer's language. Nothing is saved;
 * the supervisor edits it and creates the article.
 */
export async function draftArticleFromRequest(db: Database, requestNumber: number) {
  const request = await db.serviceRequest.findUnique({
    where: { number: requestNumber },
    include: {
      customer: { select: { locale: true } },
      messages: {
        where: { authorKind: "AGENT", internal: false },
        orderBy: { createdAt: "asc" },
        select: { body: true },
      },
    },
  });
  if (!request) throw notFound("Request");
  if (request.status !== "RESOLVED" && request.status !== "CLOSED") {
    throw new AppError("BAD_REQUEST", "Only a resolved request can become an article", {
      requestNumber: "The request is not resolved yet",
    });
  }
  const locale = localeOrDefault(request.customer.locale);
  const answer = [...request.messages.map((message) => message.body), request.resolutionNote ?? ""]
    .filter((text) => text.trim())
    .join("\n\n");
  const slug = request.subject
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return {
    requestId: request.id,
    requestNumber: request.number,
    locale,
    slug: slug.length >= 3 ? slug : `request-${request.number}`,
    title: request.subject.slice(0, 200),
    summary: request.description.slice(0, 500),
    body: (answer || request.description).slice(0, 20_000),
    categories: [request.category],
    resolutionCode: request.resolutionCode,
    deflected: request.deflected,
  };
}

/** Recently resolved requests an article could be written from (resolved by a person, best rated first). */
export async function listArticleCandidates(db: Database, now = new Date()) {
  return db.serviceRequest.findMany({
    where: {
      status: { in: ["RESOLVED", "CLOSED"] },
      deflected: false,
      resolvedAt: { gte: new Date(now.getTime() - 30 * 24 * 3600_000) },
    },
    orderBy: [{ csat: { sort: "desc", nulls: "last" } }, { resolvedAt: "desc" }],
    take: 10,
    select: {
      id: true,
      number: true,
      category: true,
      subject: true,
      resolvedAt: true,
      csat: true,
      resolutionCode: true,
    },
  });
}
