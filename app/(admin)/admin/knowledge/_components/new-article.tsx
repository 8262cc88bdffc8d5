"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { Notice } from "../../_components/notice";
import { PageHeader } from "../../_components/page-header";
import { LoadError, LoadingBlock } from "../../_components/query-states";
import { ArticleForm } from "./article-form";

/** A new article, blank or drafted from a resolved request (`?fromRequest=<number>`). */
export function NewArticle({ fromRequest }: { fromRequest: number | null }) {
  const t = useTranslations("admin.knowledge.editor");
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [locale, setLocale] = useState<"ru" | "en" | null>(null);
  const draft = useQuery({
    ...trpc.admin.knowledge.draftFromRequest.queryOptions({ requestNumber: fromRequest ?? 1 }),
    enabled: fromRequest !== null,
    retry: false,
  });

  const header = (
    <>
      <Link href="/admin/knowledge" className="inline-flex min-h-11 items-center gap-2 text-brand-700 hover:underline">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("back")}
      </Link>
      <PageHeader
        title={fromRequest ? t("newFromRequest", { number: fromRequest }) : t("newTitle")}
        description={t("newDescription")}
      />
    </>
  );
  if (fromRequest !== null && draft.isPending)
    return (
      <div className="space-y-6">
        {header}
        <LoadingBlock lines={6} />
      </div>
    );
  if (fromRequest !== null && draft.isError) {
    const { code } = readTRPCError(draft.error);
    return (
      <div className="space-y-6">
        {header}
        {code === "NOT_FOUND" || code === "BAD_REQUEST" ? (
          <Notice tone="error">
            {code === "NOT_FOUND"
              ? t("requestNotFound", { number: fromRequest })
              : t("requestNotResolved", { number: fromRequest })}
          </Notice>
        ) : (
          <LoadError onRetry={() => void draft.refetch()} />
        )}
      </div>
    );
  }
  const source = draft.data;
  const language: "ru" | "en" = locale ?? (source?.locale === "en" ? "en" : "ru");
  return (
    <div className="space-y-6">
      {header}
      {source && <Notice tone="info">{t("draftedFrom", { number: source.requestNumber })}</Notice>}
      <fieldset className="flex flex-wrap gap-x-6">
        <legend className="text-sm font-medium">{t("languageOfArticle")}</legend>
        {(["ru", "en"] as const).map((value) => (
          <label key={value} className="flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="article-locale"
              className="size-4 accent-brand-600"
              checked={language === value}
              onChange={() => setLocale(value)}
            />
            {t(`language.${value}`)}
          </label>
        ))}
      </fieldset>
      <ArticleForm
        key={language}
        locale={language}
        isSlugEditable
        fromRequestId={source?.requestId}
        initial={{
          slug: source?.slug ?? "",
          title: source?.title ?? "",
          summary: source?.summary ?? "",
          body: source?.body ?? "",
          categories: source?.categories ?? [],
          published: false,
        }}
        onSaved={(saved) => {
          void queryClient.invalidateQueries({ queryKey: trpc.admin.knowledge.pathKey() });
          router.push(`/admin/knowledge/${saved.slug}`);
        }}
      />
    </div>
  );
}
