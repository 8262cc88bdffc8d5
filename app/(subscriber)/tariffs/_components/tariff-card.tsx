"use client";

import { CheckCircle2, CircleSlash } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import { Allowances } from "./allowances";
import type { TariffItem } from "./types";

type Props = {
  tariff: TariffItem;
  currency: string;
  isCompared: boolean;
  canCompareMore: boolean;
  onToggleCompare: () => void;
  onChoose: () => void;
};

export function TariffCard({ tariff, currency, isCompared, canCompareMore, onToggleCompare, onChoose }: Props) {
  const t = useTranslations("tariffs");
  const tCommon = useTranslations("common");
  const locale = useLocale();
  const name = locale === "en" ? tariff.nameEn : tariff.name;
  const titleId = `tariff-${tariff.id}`;
  return (
    <article
      aria-labelledby={titleId}
      data-tariff={tariff.code}
      className={`flex h-full flex-col rounded-2xl border bg-white p-5 shadow-sm ${tariff.isCurrent ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"}`}
    >
      <div className="flex items-start justify-between gap-3">
        <h3 id={titleId} className="text-lg font-semibold">
          {name}
        </h3>
        {tariff.isCurrent && (
          <span className="rounded-full bg-brand-600 px-2.5 py-0.5 text-xs font-semibold text-white">
            {t("current")}
          </span>
        )}
      </div>
      <p className="mt-1 text-2xl font-bold tabular-nums">
        {t("perMonth", { amount: formatMoney(tariff.monthlyFeeCents, currency, locale) })}
      </p>
      <p className="mt-2 text-sm text-slate-700">{locale === "en" ? tariff.descriptionEn : tariff.description}</p>
      <div className="mt-3">
        <Allowances tariff={tariff} />
      </div>
      <ul className="mt-3 space-y-1 text-xs text-slate-600">
        {tariff.minTermMonths > 0 && <li>{t("minTerm", { months: tariff.minTermMonths })}</li>}
        {tariff.openToSegments.length > 0 && (
          <li>
            {t("forSegments", {
              segments: tariff.openToSegments.map((segment) => tCommon(`segments.${segment}`)).join(", "),
            })}
          </li>
        )}
      </ul>

      <div className="mt-auto pt-4">
        {!tariff.isCurrent &&
          (tariff.eligible ? (
            <p className="flex items-center gap-1.5 text-sm font-medium text-emerald-800">
              <CheckCircle2 aria-hidden="true" className="size-4" />
              {t("available")}
            </p>
          ) : (
            <div className="text-sm text-slate-700">
              <p className="flex items-center gap-1.5 font-medium text-slate-800">
                <CircleSlash aria-hidden="true" className="size-4" />
                {t("notAvailable")}
              </p>
              <ul className="mt-1 list-disc pl-5">
                {tariff.reasons.map((reason) => (
                  <li key={reason}>
                    {t(`reasons.${reason}`)}
                    {reason === "MIN_TERM" &&
                      tariff.minTermEndsAt &&
                      ` ${t("minTermEnds", { date: formatDate(tariff.minTermEndsAt, locale) })}`}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        <div className="mt-3 flex flex-wrap items-center gap-3">
          {!tariff.isCurrent && tariff.eligible && (
            <button
              type="button"
              onClick={onChoose}
              className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700"
            >
              {t("choose", { tariff: name })}
            </button>
          )}
          <label className="inline-flex min-h-11 cursor-pointer items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              checked={isCompared}
              disabled={!isCompared && !canCompareMore}
              onChange={onToggleCompare}
              className="size-4 accent-brand-600"
            />
            {t("compare.add")}
          </label>
        </div>
      </div>
    </article>
  );
}
