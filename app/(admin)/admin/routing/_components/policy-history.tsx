"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ChevronDown } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate, formatTime } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/react";
import { Card } from "../../_components/card";
import { EmptyState, LoadError, LoadMoreButton, LoadingBlock } from "../../_components/query-states";

const TOP_KEYS = [
  "valueWeights",
  "revenueForFullScoreCents",
  "tenureForFullScoreMonths",
  "linesForFullScore",
  "segmentThresholds",
  "selfServiceCategories",
  "slaMinutes",
  "billDisputeEscalationCents",
  "agentCreditLimitCents",
  "agentDailyCreditLimitCents",
  "customerMonthlyCreditLimitCents",
  "repeatContactDays",
  "costPerContact",
] as const;

function VersionChanges({ version }: { version: number }) {
  const t = useTranslations("admin.routing.history");
  const trpc = useTRPC();
  const detail = useQuery(trpc.admin.policy.version.queryOptions({ version }));
  if (detail.isPending) return <LoadingBlock lines={1} />;
  if (detail.isError) return <LoadError onRetry={() => void detail.refetch()} />;
  if (!detail.data.changed.length) return <p className="text-sm text-slate-600">{t("firstVersion")}</p>;
  return (
    <ul className="list-disc space-y-0.5 pl-5 text-sm">
      {detail.data.changed.map((path) => {
        const [top, ...rest] = path.split(".");
        const known = (TOP_KEYS as readonly string[]).includes(top!)
          ? t(`keys.${top as (typeof TOP_KEYS)[number]}`)
          : top;
        return <li key={path}>{[known, ...rest].join(" · ")}</li>;
      })}
    </ul>
  );
}

/** Every saved version, newest first, with who saved it, why, and what it changed. */
export function PolicyHistory() {
  const t = useTranslations("admin.routing.history");
  const locale = useLocale();
  const trpc = useTRPC();
  const [open, setOpen] = useState<number | null>(null);
  const versions = useInfiniteQuery(
    trpc.admin.policy.versions.infiniteQueryOptions(
      { limit: 10 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = versions.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card id="history-title" title={t("title")} description={t("description")}>
      {versions.isPending ? (
        <LoadingBlock />
      ) : versions.isError ? (
        <LoadError onRetry={() => void versions.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ol className="divide-y divide-slate-100">
          {items.map((item) => (
            <li key={item.id} className="py-2">
              <button
                type="button"
                aria-expanded={open === item.version}
                onClick={() => setOpen(open === item.version ? null : item.version)}
                className="flex min-h-11 w-full items-center justify-between gap-3 text-left"
              >
                <span className="min-w-0">
                  <span className="block font-medium">{t("version", { version: item.version })}</span>
                  <span className="block text-sm text-slate-600">
                    {formatDate(item.createdAt, locale)} {formatTime(item.createdAt, locale)} ·{" "}
                    {item.createdBy?.name ?? "—"}
                    {item.note && ` · ${item.note}`}
                  </span>
                </span>
                <ChevronDown
                  aria-hidden="true"
                  className={`size-5 shrink-0 transition-transform ${open === item.version ? "rotate-180" : ""}`}
                />
              </button>
              {open === item.version && (
                <div className="pt-1 pb-2">
                  <VersionChanges version={item.version} />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <LoadMoreButton list={versions} />
    </Card>
  );
}
