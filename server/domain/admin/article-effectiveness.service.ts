import "server-only";
import type { SqlExecutor } from "../../db/client";

const DAY_MS = 24 * 60 * 60 * 1000;
export const EFFECTIVENESS_DAYS = 90;

/**
 * Which articles solve requests and which are read before an escalation anyway (the knowledge
 * editor's effectiveness table): per article and language over the last `days` days.
 * `solvedShare` is solved / (solved + escalated), null when neither happened.
 */
export async function getArticleEffectiveness(db: SqlExecutor, input: { days?: number } = {}, now = new Date()) {
  const days = input.days ?? EFFECTIVENESS_DAYS;
  const since = new Date(now.getTime() - days * DAY_MS);
  // Per article: the requests it was read for (first reading per request) and what happened next:
  // the customer marked the request solved in self-service (deflected) after reading it, or asked
  // for a person anyway after reading it. Feedback ("did this help?") over the same window.
  const rows = await db.$kysely
    .with("reads", (db) =>
      db
        .selectFrom("ArticleView as v")
        .select((eb) => ["v.articleId", "v.requestId", eb.fn.min("v.at").as("firstAt")])
        .where("v.requestId", "is not", null)
        .where("v.at", ">=", since)
        .groupBy(["v.articleId", "v.requestId"]),
    )
    .with("outcomes", (db) =>
      db
        .selectFrom("reads")
        .innerJoin("ServiceRequest as r", "r.id", "reads.requestId")
        .select((eb) => [
          "reads.articleId",
          eb.cast<number>(eb.fn.countAll(), "integer").as("readForRequests"),
          eb
            .cast<number>(
              eb.fn
                .countAll()
                .filterWhere((eb) =>
                  eb.and([eb.ref("r.deflected"), eb("r.resolvedAt", ">=", eb.ref("reads.firstAt"))]),
                ),
              "integer",
            )
            .as("solvedAfterReading"),
          eb
            .cast<number>(
              eb.fn
                .countAll()
                .filterWhere((eb) =>
                  eb.and([eb("r.escalatedAt", "is not", null), eb("r.escalatedAt", ">=", eb.ref("reads.firstAt"))]),
                ),
              "integer",
            )
            .as("escalatedAfterReading"),
        ])
        .groupBy("reads.articleId"),
    )
    .with("feedback", (db) =>
      db
        .selectFrom("ArticleFeedback as f")
        .select((eb) => [
          "f.articleId",
          eb.cast<number>(eb.fn.countAll().filterWhere("f.helpful", "=", true), "integer").as("helpful"),
          eb.cast<number>(eb.fn.countAll().filterWhere("f.helpful", "=", false), "integer").as("notHelpful"),
        ])
        .where("f.createdAt", ">=", since)
        .groupBy("f.articleId"),
    )
    .selectFrom("KnowledgeArticle as a")
    .leftJoin("outcomes as o", "o.articleId", "a.id")
    .leftJoin("feedback as f", "f.articleId", "a.id")
    .select((eb) => [
      "a.id",
      "a.slug",
      "a.locale",
      "a.title",
      "a.published",
      eb.fn.coalesce("o.readForRequests", eb.lit(0)).as("readForRequests"),
      eb.fn.coalesce("o.solvedAfterReading", eb.lit(0)).as("solvedAfterReading"),
      eb.fn.coalesce("o.escalatedAfterReading", eb.lit(0)).as("escalatedAfterReading"),
      eb.fn.coalesce("f.helpful", eb.lit(0)).as("helpful"),
      eb.fn.coalesce("f.notHelpful", eb.lit(0)).as("notHelpful"),
    ])
    .orderBy((eb) => eb.fn.coalesce("o.solvedAfterReading", eb.lit(0)), "desc")
    .orderBy((eb) => eb.fn.coalesce("o.readForRequests", eb.lit(0)), "desc")
    .orderBy("a.slug")
    .orderBy("a.locale")
    .execute();
  const items = rows.map((row) => {
    const decided = row.solvedAfterReading + row.escalatedAfterReading;
    return {
      ...row,
      solvedShare: decided > 0 ? Math.round((row.solvedAfterReading / decided) * 10_000) / 10_000 : null,
    };
  });
  return { days, since, items, nextCursor: null };
}
