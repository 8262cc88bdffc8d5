"use client";

import { useLocale, useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatDate } from "@/app/_lib/format";
import type { RouterOutputs } from "@/app/_trpc/types";
import { formatShare } from "../../_lib/format";

type Timeline = RouterOutputs["admin"]["reports"]["timeline"];

/** Contacts and the key rates over the period, with the same figures as a table for screen readers. */
export function ReportCharts({ timeline }: { timeline: Timeline }) {
  const t = useTranslations("admin.reports.charts");
  const locale = useLocale();
  const label = (start: Date | string) =>
    formatDate(
      start,
      locale,
      timeline.bucket === "month"
        ? { month: "short", year: "numeric", dateStyle: undefined }
        : { day: "numeric", month: "short", dateStyle: undefined },
    );
  const points = timeline.points.map((point) => ({
    label: label(point.start),
    selfServed: point.selfServed,
    toPerson: point.toPerson,
    other: Math.max(0, point.contacts - point.selfServed - point.toPerson),
    selfServiceRate: point.selfServiceRate === null ? null : Math.round(point.selfServiceRate * 1000) / 10,
    slaCompliance: point.slaCompliance === null ? null : Math.round(point.slaCompliance * 1000) / 10,
    fcr: point.fcr === null ? null : Math.round(point.fcr * 1000) / 10,
  }));

  return (
    <div className="space-y-8">
      <figure>
        <figcaption className="text-sm font-semibold">{t("contactsTitle")}</figcaption>
        <div aria-hidden="true" className="mt-2 h-64">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={points} margin={{ left: -16, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={12} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar
                isAnimationActive={false}
                dataKey="selfServed"
                name={t("selfServed")}
                stackId="contacts"
                fill="#059669"
              />
              <Bar isAnimationActive={false} dataKey="other" name={t("other")} stackId="contacts" fill="#94a3b8" />
              <Bar
                isAnimationActive={false}
                dataKey="toPerson"
                name={t("toPerson")}
                stackId="contacts"
                fill="#4f46e5"
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure>
        <figcaption className="text-sm font-semibold">{t("ratesTitle")}</figcaption>
        <div aria-hidden="true" className="mt-2 h-64">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={{ left: -16, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={12} />
              <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
              <Tooltip formatter={(value) => `${value}%`} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Line
                isAnimationActive={false}
                type="linear"
                dataKey="selfServiceRate"
                name={t("selfServiceRate")}
                stroke="#059669"
                strokeWidth={2}
                dot={false}
                connectNulls
              />
              <Line
                isAnimationActive={false}
                type="linear"
                dataKey="slaCompliance"
                name={t("slaCompliance")}
                stroke="#4f46e5"
                strokeWidth={2}
                dot={false}
                connectNulls
              />
              <Line
                isAnimationActive={false}
                type="linear"
                dataKey="fcr"
                name={t("fcr")}
                stroke="#d97706"
                strokeWidth={2}
                dot={false}
                connectNulls
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
      {/* A table sizes to its content whatever its width: the wrapper is what is hidden. */}
      <div className="sr-only">
        <table>
          <caption>{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("period")}</th>
              <th scope="col">{t("contacts")}</th>
              <th scope="col">{t("selfServed")}</th>
              <th scope="col">{t("toPerson")}</th>
              <th scope="col">{t("slaCompliance")}</th>
              <th scope="col">{t("fcr")}</th>
            </tr>
          </thead>
          <tbody>
            {timeline.points.map((point, i) => (
              <tr key={i}>
                <th scope="row">{points[i]!.label}</th>
                <td>{point.contacts}</td>
                <td>{point.selfServed}</td>
                <td>{point.toPerson}</td>
                <td>{formatShare(point.slaCompliance, locale)}</td>
                <td>{formatShare(point.fcr, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
