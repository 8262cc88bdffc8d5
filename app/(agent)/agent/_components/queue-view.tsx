"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { nextQueuePage } from "../_lib/queue";
import { slaStateOf } from "../_lib/sla";
import { useNow } from "../_lib/use-now";
import { CallError } from "./call-error";
import { QueueIncidentGroups } from "./queue-incidents";
import { QueueRow, Select } from "./queue-row";

const STATUSES = ["QUEUED", "ASSIGNED", "IN_PROGRESS", "WAITING_CUSTOMER", "REOPENED", "RESOLVED", "CLOSED"] as const;
const SEGMENTS = ["PLATINUM", "GOLD", "SILVER", "BRONZE"] as const;
const CATEGORIES = [
  "NO_SERVICE",
  "TECHNICAL_FAULT",
  "BILL_DISPUTE",
  "BILLING_QUESTION",
  "COMPLAINT",
  "CANCEL_CONTRACT",
  "TARIFF_CHANGE",
  "ROAMING",
  "NUMBER_PORTING",
  "SIM_REPLACEMENT",
  "OTHER",
] as const;

type QueueFilters = {
  status?: (typeof STATUSES)[number];
  segment?: (typeof SEGMENTS)[number];
  category?: (typeof CATEGORIES)[number];
  mine?: boolean;
  incidentId?: string;
};

/** How often the queue asks for changes while it is on screen. */
export const QUEUE_REFRESH_MS = 10_000;

export function queueFilterInput(filters: QueueFilters): QueueFilters {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.segment ? { segment: filters.segment } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.mine ? { mine: true } : {}),
    ...(filters.incidentId ? { incidentId: filters.incidentId } : {}),
  };
}

/** The escalation queue with its filters; refetches every few seconds while open. */
export function QueueView() {
  const t = useTranslations("agent");
  const tSegments = useTranslations("common.segments");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const id = useId();
  const now = useNow(15_000);
  const [filters, setFilters] = useState<QueueFilters>({});
  const [claimingId, setClaimingId] = useState<string | null>(null);
  const input = queueFilterInput(filters);

  const queue = useInfiniteQuery(
    trpc.agent.queue.infiniteQueryOptions(input, {
      getNextPageParam: nextQueuePage,
      refetchInterval: QUEUE_REFRESH_MS,
      refetchIntervalInBackground: false,
      staleTime: 5_000,
    }),
  );
  const claim = useMutation(
    trpc.agent.claim.mutationOptions({
      onSettled: () => {
        setClaimingId(null);
        void queryClient.invalidateQueries(trpc.agent.pathFilter());
      },
      onSuccess: (request) => router.push(`/agent/requests/${request.id}`),
    }),
  );

  // Requests of an ongoing incident are one group card above the list, unless it is the filter.
  const items = (queue.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (item) => filters.incidentId || item.incident?.status !== "ACTIVE",
  );
  const counts = now
    ? items.reduce(
        (acc, item) => {
          const { state } = slaStateOf({
            slaDueAt: item.slaDueAt,
            startedAt: item.createdAt,
            firstResponseAt: item.firstResponseAt,
            now,
          });
          if (state === "BREACHED" || (item.slaBreached && !item.firstResponseAt)) acc.breached += 1;
          else if (state === "NEAR") acc.near += 1;
          return acc;
        },
        { breached: 0, near: 0 },
      )
    : null;
  const hasFilters = Object.keys(input).length > 0;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("queue.title")}</h1>
        <p className="mt-1 text-slate-700">{t("queue.subtitle")}</p>
      </div>

      <section aria-labelledby={`${id}-filters`} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id={`${id}-filters`} className="sr-only">
          {t("queue.filters")}
        </h2>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
          <Select
            id={`${id}-status`}
            label={t("queue.status")}
            value={filters.status}
            anyLabel={t("queue.openStatuses")}
            options={STATUSES}
            optionLabel={(value) => t(`status.${value}`)}
            onChange={(status) => setFilters((current) => ({ ...current, status }))}
          />
          <Select
            id={`${id}-segment`}
            label={t("queue.segment")}
            value={filters.segment}
            anyLabel={t("queue.anySegment")}
            options={SEGMENTS}
            optionLabel={(value) => tSegments(value)}
            onChange={(segment) => setFilters((current) => ({ ...current, segment }))}
          />
          <Select
            id={`${id}-category`}
            label={t("queue.category")}
            value={filters.category}
            anyLabel={t("queue.anyCategory")}
            options={CATEGORIES}
            optionLabel={(value) => t(`category.${value}`)}
            onChange={(category) => setFilters((current) => ({ ...current, category }))}
          />
          <label className="flex min-h-11 items-center gap-3 rounded-lg border border-slate-300 px-3">
            <input
              type="checkbox"
              checked={filters.mine ?? false}
              onChange={(event) => setFilters((current) => ({ ...current, mine: event.target.checked || undefined }))}
              className="size-5 accent-brand-600"
              aria-describedby={`${id}-mine-hint`}
            />
            <span className="text-sm">
              <span className="font-medium">{t("queue.mine")}</span>
              <span id={`${id}-mine-hint`} className="block text-xs text-slate-600">
                {t("queue.mineHint")}
              </span>
            </span>
          </label>
        </div>
      </section>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700" aria-live="polite">
        {queue.isSuccess && <span>{t("queue.count", { count: items.length })}</span>}
        {counts && counts.breached > 0 && (
          <span className="font-semibold text-red-700">{t("queue.breachedCount", { count: counts.breached })}</span>
        )}
        {counts && counts.near > 0 && (
          <span className="font-semibold text-amber-800">{t("queue.nearCount", { count: counts.near })}</span>
        )}
        <span className="ml-auto inline-flex items-center gap-1.5 text-xs text-slate-600">
          <RefreshCw aria-hidden="true" className={`size-3.5 ${queue.isFetching ? "animate-spin" : ""}`} />
          {queue.isFetching
            ? t("queue.refreshing")
            : queue.dataUpdatedAt
              ? t("queue.updated", { time: format.dateTime(new Date(queue.dataUpdatedAt), { timeStyle: "medium" }) })
              : null}
        </span>
      </div>

      <QueueIncidentGroups
        selectedId={filters.incidentId}
        onSelect={(incidentId) => setFilters((current) => ({ ...current, incidentId }))}
        refetchInterval={QUEUE_REFRESH_MS}
      />

      {claim.error && <CallError error={claim.error} />}

      {queue.isPending ? (
        <div role="status" className="space-y-3">
          <span className="sr-only">{t("queue.refreshing")}</span>
          {[0, 1, 2].map((row) => (
            <div key={row} aria-hidden="true" className="h-32 animate-pulse rounded-2xl bg-slate-200" />
          ))}
        </div>
      ) : queue.isError && !queue.data ? (
        <div role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-4 text-red-900">
          <p className="font-medium">{t("queue.loadError")}</p>
          <p className="text-sm">{readTRPCError(queue.error).message}</p>
          <button
            type="button"
            onClick={() => void queue.refetch()}
            className="mt-3 min-h-11 rounded-lg bg-white px-4 font-medium ring-1 ring-red-300"
          >
            {t("queue.retry")}
          </button>
        </div>
      ) : items.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {hasFilters ? t("queue.emptyFiltered") : t("queue.empty")}
        </p>
      ) : (
        <ul aria-label={t("queue.title")} className="grid grid-cols-1 gap-3 xl:grid-cols-2">
          {items.map((item) => (
            <QueueRow
              key={item.id}
              item={item}
              isClaiming={claimingId === item.id}
              onClaim={(requestId) => {
                setClaimingId(requestId);
                claim.mutate({ requestId });
              }}
            />
          ))}
        </ul>
      )}

      {queue.hasNextPage && (
        <div className="text-center">
          <button
            type="button"
            onClick={() => void queue.fetchNextPage()}
            disabled={queue.isFetchingNextPage}
            className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-5 font-medium hover:bg-slate-100 disabled:opacity-60"
          >
            {queue.isFetchingNextPage && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
            {t("queue.loadMore")}
          </button>
        </div>
      )}
    </div>
  );
}
