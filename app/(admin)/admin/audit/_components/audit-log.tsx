"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ChevronDown, FilterX } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate, formatTime } from "@/app/_lib/format";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { INPUT, SECONDARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Field } from "../../_components/field";
import { EmptyState, LoadError, LoadMoreButton, LoadingBlock } from "../../_components/query-states";

type Filters = { actorId: string; entityType: string; entityId: string; action: string; from: string; to: string };
const EMPTY: Filters = { actorId: "", entityType: "", entityId: "", action: "", from: "", to: "" };

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <p className="text-xs font-semibold text-slate-600 uppercase">{label}</p>
      <pre className="mt-1 max-h-72 overflow-auto rounded-lg bg-slate-50 p-2 text-xs break-words whitespace-pre-wrap">
        {value === null || value === undefined ? "—" : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** The audit log: who did what to which entity, when and from where, with the state before and after. */
export function AuditLog() {
  const t = useTranslations("admin.audit");
  const tCommon = useTranslations("admin.common");
  const tRoles = useTranslations("common.roles");
  const locale = useLocale();
  const trpc = useTRPC();
  const params = useSearchParams();
  const [filters, setFilters] = useState<Filters>({
    ...EMPTY,
    entityType: params.get("entityType") ?? "",
    entityId: params.get("entityId") ?? "",
  });
  const [open, setOpen] = useState<string | null>(null);
  const facets = useQuery(trpc.admin.audit.facets.queryOptions());
  const input = {
    limit: 30,
    ...Object.fromEntries(
      Object.entries(filters)
        .filter(([, value]) => value.trim() !== "")
        .map(([key, value]) => [key, value.trim()]),
    ),
  };
  const list = useInfiniteQuery(
    trpc.admin.audit.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    setFilters((current) => ({ ...current, [key]: event.target.value }));
  const badRange = list.isError && readTRPCError(list.error).code === "BAD_REQUEST";

  return (
    <div className="space-y-4">
      <Card id="audit-filters-title" title={t("filters")}>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Field id="audit-actor" label={t("actor")}>
            {(props) => (
              <select {...props} value={filters.actorId} onChange={set("actorId")} className={INPUT}>
                <option value="">{tCommon("all")}</option>
                {facets.data?.actors.map((actor) => (
                  <option key={actor.id} value={actor.id}>
                    {actor.name} ({tRoles(actor.role as "ADMIN")})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="audit-entity-type" label={t("entityType")}>
            {(props) => (
              <select {...props} value={filters.entityType} onChange={set("entityType")} className={INPUT}>
                <option value="">{tCommon("all")}</option>
                {facets.data?.entityTypes.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="audit-entity-id" label={t("entityId")}>
            {(props) => (
              <input
                {...props}
                value={filters.entityId}
                onChange={set("entityId")}
                autoComplete="off"
                spellCheck={false}
                className={INPUT}
              />
            )}
          </Field>
          <Field id="audit-action" label={t("action")}>
            {(props) => (
              <select {...props} value={filters.action} onChange={set("action")} className={INPUT}>
                <option value="">{tCommon("all")}</option>
                {facets.data?.actions.map((action) => (
                  <option key={action} value={action}>
                    {action}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="audit-from" label={t("from")}>
            {(props) => <input {...props} type="date" value={filters.from} onChange={set("from")} className={INPUT} />}
          </Field>
          <Field id="audit-to" label={t("to")} error={badRange ? t("badRange") : undefined}>
            {(props) => <input {...props} type="date" value={filters.to} onChange={set("to")} className={INPUT} />}
          </Field>
        </div>
        <button type="button" onClick={() => setFilters(EMPTY)} className={`${SECONDARY_BUTTON} mt-3`}>
          <FilterX aria-hidden="true" className="size-4" />
          {t("reset")}
        </button>
      </Card>

      <section
        aria-labelledby="audit-entries-title"
        aria-busy={list.isFetching}
        className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
      >
        <h2 id="audit-entries-title" className="text-lg font-semibold">
          {t("entries")}
        </h2>
        <div className="mt-3">
          {list.isPending ? (
            <LoadingBlock lines={5} />
          ) : list.isError ? (
            badRange ? (
              <p className="text-sm text-slate-600">{t("badRange")}</p>
            ) : (
              <LoadError onRetry={() => void list.refetch()} />
            )
          ) : items.length === 0 ? (
            <EmptyState title={t("empty")} />
          ) : (
            <ol className="divide-y divide-slate-100">
              {items.map((entry) => (
                <li key={entry.id} className="py-2">
                  <button
                    type="button"
                    aria-expanded={open === entry.id}
                    onClick={() => setOpen(open === entry.id ? null : entry.id)}
                    className="flex min-h-11 w-full items-start justify-between gap-3 text-left"
                  >
                    <span className="min-w-0">
                      <span className="block font-medium break-words">
                        {entry.action} · {entry.entityType}{" "}
                        <span className="font-normal text-slate-600">{entry.entityId}</span>
                      </span>
                      <span className="block text-sm text-slate-600">
                        <time dateTime={new Date(entry.at).toISOString()}>
                          {formatDate(entry.at, locale)} {formatTime(entry.at, locale)}
                        </time>
                        {" · "}
                        {entry.actor ? `${entry.actor.name} (${tRoles(entry.actor.role)})` : t("system")}
                        {entry.ip && ` · ${entry.ip}`}
                      </span>
                    </span>
                    <ChevronDown
                      aria-hidden="true"
                      className={`mt-1 size-5 shrink-0 transition-transform ${open === entry.id ? "rotate-180" : ""}`}
                    />
                  </button>
                  {open === entry.id && (
                    <div className="grid gap-3 pt-2 pb-1 md:grid-cols-2">
                      <Json label={t("before")} value={entry.before} />
                      <Json label={t("after")} value={entry.after} />
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
          <LoadMoreButton list={list} />
        </div>
      </section>
    </div>
  );
}
