"use client";

import { RotateCcw } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SECONDARY_BUTTON } from "./buttons";
import { Notice } from "./notice";

/** A placeholder while a list or panel loads. */
export function LoadingBlock({ lines = 3 }: { lines?: number }) {
  const t = useTranslations("common");
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">{t("loading")}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} aria-hidden="true" className="h-10 animate-pulse rounded-lg bg-slate-200" />
      ))}
    </div>
  );
}

/** A failed load with a retry. */
export function LoadError({ onRetry }: { onRetry: () => void }) {
  const t = useTranslations("admin.common");
  return (
    <Notice tone="error">
      <p>{t("loadFailed")}</p>
      <button type="button" onClick={onRetry} className={`${SECONDARY_BUTTON} mt-2`}>
        <RotateCcw aria-hidden="true" className="size-4" />
        {t("retry")}
      </button>
    </Notice>
  );
}

type PagedList = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/** The next page of an infinite list, on request; nothing once the list is complete. */
export function LoadMoreButton({ list }: { list: PagedList }) {
  const t = useTranslations("admin.common");
  if (!list.hasNextPage) return null;
  return (
    <button
      type="button"
      onClick={() => void list.fetchNextPage()}
      disabled={list.isFetchingNextPage}
      className={`${SECONDARY_BUTTON} mt-3`}
    >
      {list.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
    </button>
  );
}

/** Nothing to show yet, and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 p-6 text-center">
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-600">{children}</div>}
    </div>
  );
}
