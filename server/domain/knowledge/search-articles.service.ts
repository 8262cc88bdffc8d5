import "server-only";
import { expressionBuilder, sql, type Selectable } from "kysely";
import type { SqlExecutor } from "../../db/client";
import type { DB } from "../../db/kysely";
import type { Category } from "../routing/policy.schema";
import { buildPrefixQuery, searchConfigFor } from "./search-query";

export type ArticleHit = Pick<Selectable<DB["KnowledgeArticle"]>, "id" | "slug" | "locale" | "title" | "summary"> & {
  categories: Category[];
  /** Text-search rank with the category boost; 0 for articles offered for the category alone. */
  rank: number;
  /** False for articles added because of the category, not the words. */
  matched: boolean;
};

/** Articles of the request's category rank this many times higher. */
export const CATEGORY_BOOST = 2;

/**
 * Full-text search of the knowledge base in one language (DESIGN.md: Russian and English
 * configurations). Words match as typed (`websearch_to_tsquery`, weighted double) or loosely
 * (any word, the last one as a prefix while typing); `ts_rank` orders them and articles of the
 * request's category are boosted. With `fillWithCategory`, the category's most read articles
 * fill the list when the words found fewer.
 */
export async function searchArticles(
  db: SqlExecutor,
  options: { text: string; locale: "ru" | "en"; category?: Category; limit?: number; fillWithCategory?: boolean },
): Promise<ArticleHit[]> {
  const limit = options.limit ?? 5;
  const config = searchConfigFor(options.locale);
  const prefix = buildPrefixQuery(options.text);
  const category = options.category ?? null;
  const hits: ArticleHit[] = [];
  const article = expressionBuilder<{ a: DB["KnowledgeArticle"] }, "a">();
  const columns = [
    article.ref("a.id").as("id"),
    article.ref("a.slug").as("slug"),
    article.ref("a.locale").as("locale"),
    article.ref("a.title").as("title"),
    article.ref("a.summary").as("summary"),
    article.cast<Category[]>("a.categories", sql`text[]`).as("categories"),
  ];
  const isOfCategory = article(
    article.cast(article.val(category), sql`"RequestCategory"`),
    "=",
    article.fn.any("a.categories"),
  );
  if (prefix) {
    const rows = await db.$kysely
      .with("q", (db) =>
        db.selectNoFrom([
          sql`websearch_to_tsquery(${config}::regconfig, ${options.text})`.as("exact"),
          sql`to_tsquery(${config}::regconfig, ${prefix})`.as("loose"),
        ]),
      )
      .selectFrom(["KnowledgeArticle as a", "q"])
      .select(columns)
      .select((eb) => {
        const boost = eb.case().when(isOfCategory).then(sql.lit(CATEGORY_BOOST)).else(sql.lit(1)).end();
        const vector = eb.ref("a.searchVector");
        return sql<number>`((ts_rank(${vector}, ${eb.ref("q.loose")}) + 2 * ts_rank(${vector}, ${eb.ref("q.exact")})) * ${boost})::float8`.as(
          "rank",
        );
      })
      .where("a.published", "=", true)
      .where("a.locale", "=", options.locale)
      .where((eb) => eb("a.searchVector", "@@", eb.ref("q.loose")))
      .orderBy("rank", "desc")
      .orderBy("a.viewCount", "desc")
      .orderBy("a.id")
      .limit(limit)
      .execute();
    for (const row of rows) hits.push({ ...row, rank: Math.round(row.rank * 10_000) / 10_000, matched: true });
  }
  if (options.fillWithCategory && category && hits.length < limit) {
    const rows = await db.$kysely
      .selectFrom("KnowledgeArticle as a")
      .select(columns)
      .where("a.published", "=", true)
      .where("a.locale", "=", options.locale)
      .where(isOfCategory)
      .where((eb) => eb.not(eb("a.id", "=", eb.fn.any(sql<string[]>`${hits.map((hit) => hit.id)}::text[]`))))
      .orderBy("a.viewCount", "desc")
      .orderBy("a.id")
      .limit(limit - hits.length)
      .execute();
    for (const row of rows) hits.push({ ...row, rank: 0, matched: false });
  }
  return hits;
}
