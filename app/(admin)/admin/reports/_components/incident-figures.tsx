"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/app/_lib/money";
import type { RouterOutputs } from "@/app/_trpc/types";
import { Card } from "../../_components/card";

type Overview = RouterOutputs["admin"]["reports"]["overview"];

/** The period's network incidents: how many, the contacts they caused, how many no agent answered, the credits. */
export function IncidentFigures({ data }: { data: Overview }) {
  const t = useTranslations("admin.reports.incidents");
  const format = useFormatter();
  const locale = useLocale();
  const { incidents, cost } = data;
  const items = [
    { key: "count", value: String(incidents.incidents) },
    { key: "contacts", value: String(incidents.contacts) },
    {
      key: "deflectedShare",
      value: incidents.deflectedShare === null ? "—" : format.number(incidents.deflectedShare, { style: "percent" }),
    },
    { key: "credits", value: formatMoney(incidents.credits.totalCents, cost.currency, locale) },
  ] as const;
  return (
    <Card id="incidents-title" title={t("title")} description={t("description")}>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {items.map((item) => (
          <div key={item.key}>
            <dt className="text-sm text-slate-600">{t(item.key)}</dt>
            <dd className="text-xl font-bold tabular-nums" data-testid={`report-incidents-${item.key}`}>
              {item.value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-slate-600">
        {t("split", {
          deflected: incidents.deflected,
          atIntake: incidents.deflectedAtIntake,
          attached: incidents.attachedRequests,
          lines: incidents.credits.lines,
        })}
      </p>
    </Card>
  );
}
