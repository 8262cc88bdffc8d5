"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { PageHeader } from "../../_components/page-header";
import { LoadError, LoadingBlock } from "../../_components/query-states";
import { ArticleForm } from "./article-form";

/** Both language versions of one article in tabs; a missing version can be written here. */
export function ArticleEditor({ slug }: { slug: string }) {
  const t = useTranslations("admin.knowledge.editor");
  const tCommon = useTranslations("admin.common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const topic = useQuery(trpc.admin.knowledge.bySlug.queryOptions({ slug }));
  const [tab, setTab] = useState<"ru" | "en">("ru");

  if (topic.isPending) return <LoadingBlock lines={6} />;
  if (topic.isError) {
    return readTRPCError(topic.error).code === "NOT_FOUND" ? (
      <p role="alert">{tCommon("notFound")}</p>
    ) : (
      <LoadError onRetry={() => void topic.refetch()} />
    );
  }
  const other = tab === "ru" ? topic.data.en : topic.data.ru;
  const current = topic.data[tab];
  return (
    <div className="space-y-6">
      <Link href="/admin/knowledge" className="inline-flex min-h-11 items-center gap-2 text-brand-700 hover:underline">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("back")}
      </Link>
      <PageHeader title={(topic.data.ru ?? topic.data.en)!.title} description={t("slugLine", { slug })} />
      <div role="tablist" aria-label={t("languages")} className="flex gap-2 border-b border-slate-200">
        {(["ru", "en"] as const).map((language) => (
          <button
            key={language}
            id={`tab-${language}`}
            role="tab"
            type="button"
            aria-selected={tab === language}
            aria-controls={`panel-${language}`}
            onClick={() => setTab(language)}
            className={`-mb-px min-h-11 border-b-2 px-4 font-medium ${tab === language ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600"}`}
          >
            {t(`language.${language}`)}
            {!topic.data[language] && <span className="ml-1 text-xs text-amber-800">({t("missingShort")})</span>}
          </button>
        ))}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {!current && <p className="mb-4 text-sm text-slate-700">{t("writeMissing")}</p>}
        <ArticleForm
          // Stays mounted when the missing version is created, so its confirmation stays visible.
          key={tab}
          locale={tab}
          articleId={current?.id}
          isSlugEditable={false}
          initial={{
            slug,
            title: current?.title ?? "",
            summary: current?.summary ?? "",
            body: current?.body ?? "",
            categories: current?.categories ?? other?.categories ?? [],
            published: current?.published ?? true,
          }}
          onSaved={() => void queryClient.invalidateQueries({ queryKey: trpc.admin.knowledge.pathKey() })}
        />
      </div>
    </div>
  );
}
