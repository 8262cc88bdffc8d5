import type { Database } from "../../db/client";

const DAY_MS = 24 * 60 * 60 * 1000;
export const EFFECTIVENESS_DAYS = 90;

type Row = {
  id: string;
  slug: string;
  locale: string;
  title: string;
  published: boolean;
  readForRequests: number;
  solvedAfterReading: number;
  escalatedAfterReading: number;
  helpful: number;
  notHelpful: number;
};

// Per article: the requests it was read for (first reading per request) and what happened next —
// the customer marked the request solved in self-service (deflected) after reading it, or asked
// for a person anyway after reading it. Feedback ("did this help?") over the same window.
const EFFECTIVENESS_SQL = `
WITH reads AS (
  SELECT v."articleId", v."requestId", min(v."at") AS "firstAt"
    FROM "ArticleView" v
   WHERE v."requestId" IS NOT NULL AND v."at" >= $1
   GROUP BY 1, 2
),
outcomes AS (
  SELECT reads."articleId",
         count(*)::int AS "readForRequests",
         count(*) FILTER (WHERE r."deflected" AND r."resolvedAt" >= reads."firstAt")::int AS "solvedAfterReading",
         count(*) FILTER (WHERE r."escalatedAt" IS NOT NULL AND r."escalatedAt" >= reads."firstAt")::int AS "escalatedAfterReading"
    FROM reads JOIN "ServiceRequest" r ON r."id" = reads."requestId"
   GROUP BY 1
),
feedback AS (
  SELECT f."articleId", count(*) FILTER (WHERE f."helpful")::int AS "helpful", count(*) FILTER (WHERE NOT f."helpful")::int AS "notHelpful"
    FROM "ArticleFeedback" f WHERE f."createdAt" >= $1 GROUP BY 1
)
SELECT a."id", a."slug", a."locale", a."title", a."published",
       coalesce(o."readForRequests", 0) AS "readForRequests",
       coalesce(o."solvedAfterReading", 0) AS "solvedAfterReading",
       coalesce(o."escalatedAfterReading", 0) AS "escalatedAfterReading",
       coalesce(f."helpful", 0) AS "helpful",
       coalesce(f."notHelpful", 0) AS "notHelpful"
  FROM "KnowledgeArticle" a
  LEFT JOIN outcomes o ON o."articleId" = a."id"
  LEFT JOIN feedback f ON f."articleId" = a."id"
 ORDER BY coalesce(o."solvedAfterReading", 0) DESC, coalesce(o."readForRequests", 0) DESC, a."slug", a."locale"`;

/**
 * Which articles solve requests and which are read before an escalation anyway (the knowledge
 * editor's effectiveness table): per article and language over the last `days` days.
 * `solvedShare` is solved / (solved + escalated), null when neither happened.
 */
export async function getArticleEffectiveness(
  db: Pick<Database, "$queryRawUnsafe">,
  input: { days?: number } = {},
  now = new Date(),
) {
  const days = input.days ?? EFFECTIVENESS_DAYS;
  const since = new Date(now.getTime() - days * DAY_MS);
  const rows = await db.$queryRawUnsafe<Row[]>(EFFECTIVENESS_SQL, since);
  const items = rows.map((row) => {
    const decided = row.solvedAfterReading + row.escalatedAfterReading;
    return {
      ...row,
      solvedShare: decided > 0 ? Math.round((row.solvedAfterReading / decided) * 10_000) / 10_000 : null,
    };
  });
  return { days, since, items, nextCursor: null };
}
