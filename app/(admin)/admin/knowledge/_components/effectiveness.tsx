"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatNumber } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/react";
import { SECONDARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { EmptyState, LoadError, LoadingBlock } from "../../_components/query-states";
import { formatShare } from "../../_lib/format";

const SHOWN = 10;

/** Which articles solve requests (marked solved after reading) and which are read before an escalation anyway. */
export function Effectiveness() {
  const t = useTranslations("admin.knowledge.effectiveness");
  const locale = useLocale();
  const trpc = useTRPC();
  const [days, setDays] = useState(90);
  const [showAll, setShowAll] = useState(false);
  const report = useQuery(trpc.admin.knowledge.effectiveness.queryOptions({ days }));
  const read = report.data?.items.filter((item) => item.readForRequests > 0) ?? [];
  const shown = showAll ? read : read.slice(0, SHOWN);

  return (
    <Card
      id="effectiveness-title"
      title={t("title")}
      description={t("description")}
      actions={
        <div>
          <label htmlFor="effectiveness-days" className="sr-only">
            {t("period")}
          </label>
          <select
            id="effectiveness-days"
            value={days}
            onChange={(event) => setDays(Number(event.target.value))}
            className="min-h-11 rounded-lg border border-slate-400 bg-white px-3"
          >
            {[30, 90, 180, 365].map((value) => (
              <option key={value} value={value}>
                {t("lastDays", { days: value })}
              </option>
            ))}
          </select>
        </div>
      }
    >
      {report.isPending ? (
        <LoadingBlock />
      ) : report.isError ? (
        <LoadError onRetry={() => void report.refetch()} />
      ) : read.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <>
          <div className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
            <table className="w-full min-w-[36rem] text-sm">
              <caption className="sr-only">{t("title")}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className="py-2 pr-2 font-medium">
                    {t("article")}
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    {t("read")}
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    {t("solved")}
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    {t("escalated")}
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    {t("solvedShare")}
                  </th>
                  <th scope="col" className="py-2 pl-2 text-right font-medium">
                    {t("feedback")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((item) => (
                  <tr key={item.id} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="py-2 pr-2 text-left font-normal">
                      <Link
                        href={`/admin/knowledge/${item.slug}`}
                        className="font-medium text-brand-700 underline-offset-2 hover:underline"
                      >
                        {item.title}
                      </Link>
                      <span className="ml-1 text-xs text-slate-600">{item.locale.toUpperCase()}</span>
                    </th>
                    <td className="px-2 py-2 text-right tabular-nums">{formatNumber(item.readForRequests, locale)}</td>
                    <td className="px-2 py-2 text-right text-emerald-800 tabular-nums">
                      {formatNumber(item.solvedAfterReading, locale)}
                    </td>
                    <td className="px-2 py-2 text-right text-amber-800 tabular-nums">
                      {formatNumber(item.escalatedAfterReading, locale)}
                    </td>
                    <td className="px-2 py-2 text-right font-semibold tabular-nums">
                      {formatShare(item.solvedShare, locale, 0)}
                    </td>
                    <td className="py-2 pl-2 text-right tabular-nums">
                      {t("feedbackValue", { helpful: item.helpful, notHelpful: item.notHelpful })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {read.length > SHOWN && (
            <button type="button" onClick={() => setShowAll(!showAll)} className={`${SECONDARY_BUTTON} mt-3`}>
              {showAll ? t("showTop") : t("showAll", { count: read.length })}
            </button>
          )}
        </>
      )}
    </Card>
  );
}
