"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/app/_lib/money";
import { useAllowanceText } from "./allowances";
import type { TariffItem } from "./types";

/** Up to three tariffs side by side: fee, allowances, overage prices, minimum term. */
export function CompareTable({
  tariffs,
  currency,
  onClear,
}: {
  tariffs: TariffItem[];
  currency: string;
  onClear: () => void;
}) {
  const t = useTranslations("tariffs");
  const locale = useLocale();
  const text = useAllowanceText();
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const none = t("compare.none");
  const rows: [string, (tariff: TariffItem) => string][] = [
    [t("compare.fee"), (tariff) => money(tariff.monthlyFeeCents)],
    [t("compare.minutes"), (tariff) => (tariff.kind === "MOBILE" ? text.minutes(tariff.minutes) : none)],
    [t("compare.sms"), (tariff) => (tariff.kind === "MOBILE" ? text.sms(tariff.sms) : none)],
    [t("compare.data"), (tariff) => text.data(tariff.dataMb)],
    [
      t("compare.overMinute"),
      (tariff) => (tariff.minuteCents > 0 && tariff.minutes !== null ? money(tariff.minuteCents) : none),
    ],
    [t("compare.overSms"), (tariff) => (tariff.smsCents > 0 && tariff.sms !== null ? money(tariff.smsCents) : none)],
    [
      t("compare.overData"),
      (tariff) => (tariff.dataBlockCents > 0 && tariff.dataMb !== null ? money(tariff.dataBlockCents) : none),
    ],
    [
      t("compare.minTerm"),
      (tariff) => (tariff.minTermMonths > 0 ? t("compare.months", { months: tariff.minTermMonths }) : none),
    ],
  ];
  return (
    <section aria-labelledby="compare-title" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-center justify-between gap-3">
        <h2 id="compare-title" className="text-lg font-semibold">
          {t("compare.title")}
        </h2>
        <button
          type="button"
          onClick={onClear}
          className="min-h-11 px-2 text-sm font-medium text-brand-700 hover:underline"
        >
          {t("compare.clear")}
        </button>
      </div>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full min-w-[20rem] border-collapse text-sm">
          <thead>
            <tr>
              <th scope="col" className="sr-only">
                {t("compare.tariff")}
              </th>
              {tariffs.map((tariff) => (
                <th key={tariff.id} scope="col" className="px-2 pb-2 text-left font-semibold">
                  {locale === "en" ? tariff.nameEn : tariff.name}
                  {tariff.isCurrent && <span className="block text-xs font-medium text-brand-700">{t("current")}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label} className="border-t border-slate-100">
                <th scope="row" className="py-2 pr-2 text-left font-normal text-slate-600">
                  {label}
                </th>
                {tariffs.map((tariff) => (
                  <td key={tariff.id} className="px-2 py-2 font-medium tabular-nums">
                    {value(tariff)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
