"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ChevronRight, Clock, LoaderCircle, MessageSquare, Plus, RotateCcw } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import type { RequestListItem } from "../_lib/request-types";
import { LocalText } from "./local-time";
import { StatusBadge } from "./status-badge";

type Filter = "all" | "open" | "done";
const FILTERS: Filter[] = ["all", "open", "done"];
const WAITING_FOR_US = new Set(["QUEUED", "ASSIGNED", "IN_PROGRESS", "REOPENED"]);

function RequestCard({ item }: { item: RequestListItem }) {
  const t = useTranslations("requests");
  const due = item.routing.slaDueAt;
  const showPromise = due && WAITING_FOR_US.has(item.status) && !item.firstResponseAt;
  const isLate = showPromise && new Date(due).getTime() < Date.now();
  return (
    <Link
      href={`/requests/${item.id}`}
      className="group flex items-start gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm transition-colors hover:border-brand-200 hover:bg-brand-50/40 sm:p-5"
    >
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
          <span className="font-semibold text-slate-800 tabular-nums">{t("number", { number: item.number })}</span>
          <span>{t(`category.${item.category}`)}</span>
        </p>
        <h2 className="mt-1 font-semibold break-words text-slate-900 group-hover:text-brand-800">{item.subject}</h2>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-slate-600">
          <StatusBadge status={item.status} />
          <LocalText date={item.createdAt} style="date">
            {(date) => t("createdOn", { date })}
          </LocalText>
          {item.messages.length > 0 && (
            <span className="inline-flex items-center gap-1">
              <MessageSquare aria-hidden="true" className="size-4" />
              {t("messagesCount", { count: item.messages.length })}
            </span>
          )}
        </div>
        {showPromise && (
          <p
            className={`mt-2 inline-flex items-center gap-1.5 text-sm font-medium ${isLate ? "text-red-700" : "text-slate-800"}`}
          >
            <Clock aria-hidden="true" className="size-4" />
            {isLate ? t("overdue") : <LocalText date={due}>{(time) => t("answerBy", { time })}</LocalText>}
          </p>
        )}
      </div>
      <ChevronRight aria-hidden="true" className="mt-1 size-5 shrink-0 text-slate-400 group-hover:text-brand-700" />
    </Link>
  );
}

/** The subscriber's requests, newest first, with an open/resolved filter and paging. */
export function RequestList() {
  const t = useTranslations("requests");
  const trpc = useTRPC();
  const [filter, setFilter] = useState<Filter>("all");
  const query = useInfiniteQuery(
    trpc.request.list.infiniteQueryOptions(
      { limit: 20, state: filter === "all" ? undefined : filter },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
          <p className="mt-1 text-slate-700">{t("subtitle")}</p>
        </div>
        <Link
          href="/requests/new"
          className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-brand-600 px-4 font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          <Plus aria-hidden="true" className="size-5" />
          {t("newRequest")}
        </Link>
      </div>

      <div role="group" aria-label={t("filters.label")} className="inline-flex rounded-lg bg-slate-200/70 p-1">
        {FILTERS.map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={filter === value}
            onClick={() => setFilter(value)}
            className={`min-h-10 rounded-md px-3 text-sm font-medium ${filter === value ? "bg-white text-slate-900 shadow-sm" : "text-slate-700 hover:text-slate-900"}`}
          >
            {t(`filters.${value}`)}
          </button>
        ))}
      </div>

      {query.isPending ? (
        <div role="status" className="space-y-3">
          <span className="sr-only">{t("title")}…</span>
          {[0, 1, 2].map((i) => (
            <div key={i} aria-hidden="true" className="h-28 animate-pulse rounded-2xl bg-slate-200" />
          ))}
        </div>
      ) : query.isError ? (
        <div role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-5 text-red-900">
          <p className="font-medium">{t("loadError")}</p>
          <button
            type="button"
            onClick={() => void query.refetch()}
            className="mt-3 inline-flex min-h-11 items-center gap-2 rounded-lg border border-red-300 bg-white px-4 font-medium hover:bg-red-100"
          >
            <RotateCcw aria-hidden="true" className="size-4" />
            {t("retry")}
          </button>
        </div>
      ) : items.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-slate-300 bg-white p-8 text-center">
          <p className="font-medium">{t("empty")}</p>
          <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">{t("emptyHint")}</p>
          <Link
            href="/requests/new"
            className="mt-4 inline-flex min-h-11 items-center gap-2 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700"
          >
            <Plus aria-hidden="true" className="size-5" />
            {t("newRequest")}
          </Link>
        </div>
      ) : (
        <>
          <ul className="space-y-3" aria-label={t("title")}>
            {items.map((item) => (
              <li key={item.id}>
                <RequestCard item={item} />
              </li>
            ))}
          </ul>
          {query.hasNextPage && (
            <button
              type="button"
              onClick={() => void query.fetchNextPage()}
              disabled={query.isFetchingNextPage}
              className="mx-auto flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-5 font-medium hover:bg-slate-50 disabled:cursor-wait"
            >
              {query.isFetchingNextPage && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
              {t("loadMore")}
            </button>
          )}
        </>
      )}
    </div>
  );
}
