import type { Database } from "../../db/client";
import type { Category } from "../routing/policy.schema";
import { buildPrefixQuery, searchConfigFor } from "./search-query";

export type ArticleHit = {
  id: string;
  slug: string;
  locale: string;
  title: string;
  summary: string;
  categories: Category[];
  /** Text-search rank with the category boost; 0 for articles offered for the category alone. */
  rank: number;
  /** False for articles added because of the category, not the words. */
  matched: boolean;
};

/** Articles of the request's category rank this many times higher. */
export const CATEGORY_BOOST = 2;

type Row = Omit<ArticleHit, "rank" | "matched"> & { rank: number };

/**
 * Full-text search of the knowledge base in one language (DESIGN.md: Russian and English
 * configurations). Words match as typed (`websearch_to_tsquery`, weighted double) or loosely
 * (any word, the last one as a prefix while typing); `ts_rank` orders them and articles of the
 * request's category are boosted. With `fillWithCategory`, the category's most read articles
 * fill the list when the words found fewer.
 */
export async function searchArticles(
  db: Pick<Database, "$queryRawUnsafe">,
  options: { text: string; locale: "ru" | "en"; category?: Category; limit?: number; fillWithCategory?: boolean },
): Promise<ArticleHit[]> {
  const limit = options.limit ?? 5;
  const config = searchConfigFor(options.locale);
  const prefix = buildPrefixQuery(options.text);
  const category = options.category ?? null;
  const hits: ArticleHit[] = [];
  if (prefix) {
    const rows = await db.$queryRawUnsafe<Row[]>(
      `WITH q AS (
         SELECT websearch_to_tsquery($1::regconfig, $2) AS exact, to_tsquery($1::regconfig, $3) AS loose
       )
       SELECT a."id", a."slug", a."locale", a."title", a."summary", a."categories"::text[] AS "categories",
              ((ts_rank(a."searchVector", q.loose) + 2 * ts_rank(a."searchVector", q.exact))
                * CASE WHEN $4::"RequestCategory" = ANY(a."categories") THEN ${CATEGORY_BOOST} ELSE 1 END)::float8 AS "rank"
         FROM "KnowledgeArticle" a, q
        WHERE a."published" AND a."locale" = $5 AND a."searchVector" @@ q.loose
        ORDER BY "rank" DESC, a."viewCount" DESC, a."id"
        LIMIT $6`,
      config,
      options.text,
      prefix,
      category,
      options.locale,
      limit,
    );
    for (const row of rows) hits.push({ ...row, rank: Math.round(row.rank * 10_000) / 10_000, matched: true });
  }
  if (options.fillWithCategory && category && hits.length < limit) {
    const rows = await db.$queryRawUnsafe<Row[]>(
      `SELECT a."id", a."slug", a."locale", a."title", a."summary", a."categories"::text[] AS "categories", 0::float8 AS "rank"
         FROM "KnowledgeArticle" a
        WHERE a."published" AND a."locale" = $1 AND $2::"RequestCategory" = ANY(a."categories") AND NOT (a."id" = ANY($3::text[]))
        ORDER BY a."viewCount" DESC, a."id"
        LIMIT $4`,
      options.locale,
      category,
      hits.map((hit) => hit.id),
      limit - hits.length,
    );
    for (const row of rows) hits.push({ ...row, rank: 0, matched: false });
  }
  return hits;
}
