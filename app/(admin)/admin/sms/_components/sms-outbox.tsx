"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { formatDate, formatPhone, formatTime } from "@/app/_lib/format";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { INPUT, LABEL, SECONDARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { LoadError, LoadingBlock, LoadMoreButton } from "../../_components/query-states";

const STATUS_TONE = {
  QUEUED: "bg-amber-100 text-amber-900",
  SENT: "bg-emerald-100 text-emerald-900",
  FAILED: "bg-red-100 text-red-900",
} as const;

/** Text messages sent by the portal, newest first; with the development outbox, the codes are read here. */
export function SmsOutbox() {
  const t = useTranslations("admin.sms");
  const locale = useLocale();
  const trpc = useTRPC();
  const [draft, setDraft] = useState("");
  const [to, setTo] = useState<string | undefined>();
  const messages = useInfiniteQuery(
    trpc.admin.sms.list.infiniteQueryOptions(
      { to },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: 5000 },
    ),
  );
  const filterError = messages.isError && readTRPCError(messages.error).code === "BAD_REQUEST";

  function applyFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTo(draft.trim() || undefined);
  }

  const items = messages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card id="sms-title" title={t("listTitle")} description={t("listDescription")}>
      <form onSubmit={applyFilter} className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <div className="min-w-0 flex-1">
          <label htmlFor="sms-to" className={LABEL}>
            {t("to")}
          </label>
          <input
            id="sms-to"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            inputMode="tel"
            placeholder="+7 900 100-00-01"
            aria-invalid={filterError || undefined}
            aria-describedby={filterError ? "sms-to-error" : undefined}
            className={`${INPUT} mt-1`}
          />
        </div>
        <button type="submit" className={SECONDARY_BUTTON}>
          {t("filter")}
        </button>
        <button type="button" onClick={() => void messages.refetch()} className={SECONDARY_BUTTON}>
          <RefreshCw aria-hidden="true" className="size-4" />
          {t("refresh")}
        </button>
      </form>
      {filterError ? (
        <p id="sms-to-error" className="text-sm font-medium text-red-700">
          {t("toInvalid")}
        </p>
      ) : messages.isPending ? (
        <LoadingBlock />
      ) : messages.isError ? (
        <LoadError onRetry={() => void messages.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-100" aria-label={t("listTitle")}>
            {items.map((item) => (
              <li key={item.id} className="py-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-medium">{formatPhone(item.to)}</p>
                  <p className="text-sm text-slate-600">
                    <time dateTime={item.createdAt.toISOString()}>
                      {formatDate(item.createdAt, locale)} {formatTime(item.createdAt, locale)}
                    </time>{" "}
                    <span className={`ml-1 rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_TONE[item.status]}`}>
                      {t(`statuses.${item.status}`)}
                    </span>
                  </p>
                </div>
                <p className="mt-1 text-sm break-words text-slate-900">{item.body}</p>
                {item.error && <p className="mt-1 text-xs text-red-700">{item.error}</p>}
              </li>
            ))}
          </ul>
          <LoadMoreButton list={messages} />
        </>
      )}
    </Card>
  );
}
