"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatGigabytes, formatNumber } from "@/app/_lib/format";
import type { TariffItem } from "./types";

/** "500 min", "15 GB" or "Unlimited" for one allowance. */
export function useAllowanceText() {
  const t = useTranslations("tariffs");
  const locale = useLocale();
  return {
    minutes: (value: number | null) =>
      value === null ? t("unlimited") : t("minutes", { value: formatNumber(value, locale) }),
    sms: (value: number | null) => (value === null ? t("unlimited") : t("sms", { value: formatNumber(value, locale) })),
    data: (value: number | null) =>
      value === null ? t("unlimited") : t("data", { value: formatGigabytes(value, locale) }),
  };
}

export function Allowances({ tariff }: { tariff: TariffItem }) {
  const t = useTranslations("tariffs");
  const text = useAllowanceText();
  const rows: [string, string][] =
    tariff.kind === "MOBILE"
      ? [
          [t("allowanceMinutes"), text.minutes(tariff.minutes)],
          [t("allowanceSms"), text.sms(tariff.sms)],
          [t("allowanceData"), text.data(tariff.dataMb)],
        ]
      : [[t("allowanceData"), text.data(tariff.dataMb)]];
  return (
    <dl className="grid grid-cols-3 gap-2 text-center">
      {rows.map(([label, value]) => (
        <div key={label} className="rounded-lg bg-slate-50 px-1 py-2">
          <dt className="text-xs text-slate-600">{label}</dt>
          <dd className="text-sm font-semibold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
