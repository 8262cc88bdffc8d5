"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import { formatNumber } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/react";
import { CATEGORIES, type Category } from "@/server/domain/routing/policy.schema";
import { Card } from "../../_components/card";
import { EmptyState, LoadError, LoadMoreButton, LoadingBlock } from "../../_components/query-states";
import { SearchFilterBar } from "../../_components/search-filter-bar";

/** Articles by slug with their Russian and English versions, searchable and filtered by category. */
export function ArticleList() {
  const t = useTranslations("admin.knowledge");
  const tCategories = useTranslations("admin.categories");
  const locale = useLocale();
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState<Category | "">("");
  const deferredQuery = useDeferredValue(query.trim());
  const input = { limit: 30, ...(deferredQuery ? { query: deferredQuery } : {}), ...(category ? { category } : {}) };
  const list = useInfiniteQuery(
    trpc.admin.knowledge.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card id="articles-title" title={t("articlesTitle")}>
      <SearchFilterBar
        id="article"
        query={query}
        onQuery={setQuery}
        searchLabel={t("search")}
        filter={{
          label: t("category"),
          allLabel: t("allCategories"),
          value: category,
          onChange: setCategory,
          options: CATEGORIES.map((value) => ({ value, label: tCategories(value) })),
        }}
      />
      <div className="mt-4" aria-live="polite" aria-busy={list.isFetching}>
        {list.isPending ? (
          <LoadingBlock />
        ) : list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t("noArticles")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((item) => {
              const main = (locale === "en" ? (item.en ?? item.ru) : (item.ru ?? item.en))!;
              const views = (item.ru?.viewCount ?? 0) + (item.en?.viewCount ?? 0);
              return (
                <li key={item.slug}>
                  <Link
                    href={`/admin/knowledge/${item.slug}`}
                    className="flex min-h-14 flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2 hover:bg-slate-50"
                  >
                    <span className="min-w-0">
                      <span className="block font-medium text-slate-900">{main.title}</span>
                      <span className="block text-sm text-slate-600">
                        {item.slug} · {main.categories.map((value) => tCategories(value)).join(", ")}
                      </span>
                    </span>
                    <span className="flex flex-wrap items-center gap-2 text-xs">
                      {(["ru", "en"] as const).map((language) => {
                        const version = item[language];
                        const style = !version
                          ? "bg-amber-50 text-amber-800 ring-amber-200"
                          : version.published
                            ? "bg-emerald-50 text-emerald-800 ring-emerald-200"
                            : "bg-slate-100 text-slate-700 ring-slate-300";
                        const state = !version ? t("missing") : version.published ? t("published") : t("draft");
                        return (
                          <span key={language} className={`rounded-full px-2 py-0.5 font-semibold ring-1 ${style}`}>
                            {language.toUpperCase()}: {state}
                          </span>
                        );
                      })}
                      <span className="text-slate-600">
                        {t("views", { count: views, formatted: formatNumber(views, locale) })}
                      </span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
        <LoadMoreButton list={list} />
      </div>
    </Card>
  );
}
