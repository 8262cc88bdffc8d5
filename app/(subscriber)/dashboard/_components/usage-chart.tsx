"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate, formatNumber } from "@/app/_lib/format";

type Day = { date: string; minutes: number; sms: number; dataMb: number };
type Resource = "minutes" | "sms" | "dataMb";

/** Daily usage of the last 30 days, one resource at a time, with a text summary for screen readers. */
export function UsageChart({ days, isMobile }: { days: Day[]; isMobile: boolean }) {
  const t = useTranslations("dashboard.chart");
  const locale = useLocale();
  const id = useId();
  const resources: Resource[] = isMobile ? ["dataMb", "minutes", "sms"] : ["dataMb"];
  const [resource, setResource] = useState<Resource>("dataMb");
  const unit = (value: number) =>
    t(resource === "minutes" ? "minutesUnit" : resource === "sms" ? "smsUnit" : "dataUnit", { value: formatNumber(value, locale) });
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
          <div role="img" aria-label={summary} className="mt-2 h-36 w-full">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={days} margin={{ top: 4, right: 0, bottom: 0, left: -16 }}>
                <CartesianGrid vertical={false} stroke="#e2e8f0" />
                <XAxis dataKey="date" tickFormatter={shortDay} tick={{ fontSize: 11, fill: "#475569" }} interval="preserveStartEnd" minTickGap={24} tickLine={false} />
                <YAxis tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} width={48} />
                <Tooltip
                  formatter={(value) => [unit(Number(value)), t(resource)]}
                  labelFormatter={(label) => formatDate(String(label), locale)}
                  cursor={{ fill: "#eef2ff" }}
                />
                <Bar dataKey={resource} fill="#4f46e5" radius={[3, 3, 0, 0]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </div>
  );
}
