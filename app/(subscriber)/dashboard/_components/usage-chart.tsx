"use client";

import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatDate, formatNumber } from "@/app/_lib/format";
import { useNearViewport } from "@/app/_lib/use-near-viewport";
import type { UsageDay as Day, UsageResource as Resource } from "./usage-bars";

// recharts loads on its own after the page, and only for a chart near the screen.
const UsageBars = dynamic(() => import("./usage-bars").then((module) => module.UsageBars), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded-lg bg-slate-50" />,
});

/**
 * Daily usage of the last 30 days, one resource at a time. The text summary renders at once; the
 * bars fill a box of fixed height when they have loaded, so nothing moves.
 */
export function UsageChart({ days, isMobile }: { days: Day[]; isMobile: boolean }) {
  const t = useTranslations("dashboard.chart");
  const locale = useLocale();
  const id = useId();
  const resources: Resource[] = isMobile ? ["dataMb", "minutes", "sms"] : ["dataMb"];
  const [resource, setResource] = useState<Resource>("dataMb");
  const [chartRef, isNearViewport] = useNearViewport<HTMLDivElement>();
  const unit = (value: number) =>
    t(resource === "minutes" ? "minutesUnit" : resource === "sms" ? "smsUnit" : "dataUnit", {
      value: formatNumber(value, locale),
    });
  const total = days.reduce((sum, day) => sum + day[resource], 0);
  const summary = t("summary", { total: unit(total), average: unit(Math.round(total / Math.max(days.length, 1))) });
  const shortDay = (date: string) => formatDate(date, locale, { dateStyle: undefined, day: "numeric", month: "short" });

  return (
    <div className="mt-4 border-t border-slate-100 pt-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 id={`${id}-title`} className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
          {t("title")}
        </h4>
        {resources.length > 1 && (
          <div role="group" aria-label={t("resource")} className="flex rounded-lg border border-slate-300 p-0.5">
            {resources.map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={resource === option}
                onClick={() => setResource(option)}
                className={`min-h-9 rounded-md px-2 text-xs font-medium ${resource === option ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {t(option)}
              </button>
            ))}
          </div>
        )}
      </div>
      {days.length === 0 || total === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-700">{summary}</p>
          <div ref={chartRef} role="img" aria-label={summary} className="mt-2 h-36 w-full">
            {isNearViewport && (
              <UsageBars
                days={days}
                resource={resource}
                resourceLabel={t(resource)}
                formatValue={unit}
                formatTick={shortDay}
                formatDay={(date) => formatDate(date, locale)}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}
