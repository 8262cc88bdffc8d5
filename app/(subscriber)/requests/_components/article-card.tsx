"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { BookOpen, ChevronDown, LoaderCircle, ThumbsDown, ThumbsUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import type { ArticleHit } from "../_lib/request-types";
import { ArticleBody } from "./article-body";

type ArticleCardProps = {
  article: Pick<ArticleHit, "id" | "slug" | "locale" | "title" | "summary">;
  requestId?: string;
  /** Shown under a helpful article: the request's own "this solved it". */
  solveAction?: React.ReactNode;
};

/** A suggested article: summary first, the whole text on demand, and "did this help?". */
export function ArticleCard({ article, requestId, solveAction }: ArticleCardProps) {
  const t = useTranslations("requests.articles");
  const trpc = useTRPC();
  const [isOpen, setIsOpen] = useState(false);
  const [answer, setAnswer] = useState<boolean | null>(null);
  const bodyId = useId();
  const full = useQuery({
    ...trpc.knowledge.article.queryOptions({
      slug: article.slug,
      locale: article.locale === "en" ? "en" : "ru",
      requestId,
    }),
    enabled: isOpen,
    staleTime: Infinity,
  });
  const feedback = useMutation(
    trpc.knowledge.feedback.mutationOptions({ onSuccess: (result) => setAnswer(result.helpful) }),
  );
  const given = answer ?? full.data?.helpful ?? null;
  // Reading is a GET that writes nothing; the view counts once the article is shown (fire and forget).
  const { mutate: recordView } = useMutation(trpc.knowledge.recordView.mutationOptions());
  const shownId = full.data?.id;
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (!isOpen || !shownId || recorded.current === shownId) return;
    recorded.current = shownId;
    recordView({ articleId: shownId, requestId });
  }, [isOpen, shownId, requestId, recordView]);

  return (
    <article className="rounded-xl border border-slate-200 bg-white p-4">
      <h3 className="flex items-start gap-2 font-semibold text-slate-900">
        <BookOpen aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-brand-700" />
        <span className="break-words">{article.title}</span>
      </h3>
      {article.summary && <p className="mt-1 text-sm text-slate-700">{article.summary}</p>}
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={bodyId}
        onClick={() => setIsOpen((open) => !open)}
        className="mt-2 inline-flex min-h-10 items-center gap-1 rounded-md text-sm font-semibold text-brand-700 hover:text-brand-800"
      >
        {isOpen ? t("hide") : t("read")}
        <ChevronDown aria-hidden="true" className={`size-4 transition-transform ${isOpen ? "rotate-180" : ""}`} />
      </button>
      <div id={bodyId} hidden={!isOpen} className="mt-2">
        {isOpen &&
          (full.isPending ? (
            <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
              <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
              {t("loading")}
            </p>
          ) : full.isError ? (
            <p role="alert" className="text-sm font-medium text-red-700">
              {t("error")}
            </p>
          ) : (
            <>
              <ArticleBody body={full.data.body} />
              <div className="mt-4 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3">
                {given === null ? (
                  <>
                    <span className="text-sm font-medium text-slate-800">{t("helpful")}</span>
                    {[true, false].map((helpful) => (
                      <button
                        key={String(helpful)}
                        type="button"
                        disabled={feedback.isPending}
                        onClick={() => feedback.mutate({ articleId: full.data.id, helpful, requestId })}
                        className="inline-flex min-h-10 items-center gap-1.5 rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-50"
                      >
                        {helpful ? (
                          <ThumbsUp aria-hidden="true" className="size-4" />
                        ) : (
                          <ThumbsDown aria-hidden="true" className="size-4" />
                        )}
                        {helpful ? t("yes") : t("no")}
                      </button>
                    ))}
                  </>
                ) : (
                  <p role="status" className="text-sm text-slate-700">
                    {t("thanks")}
                  </p>
                )}
              </div>
              {given === true && solveAction && <div className="mt-3">{solveAction}</div>}
            </>
          ))}
      </div>
    </article>
  );
}
