"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/app/_lib/money";
import { allowanceText } from "@/app/_lib/addon-allowance";
import type { AddonItem } from "./types";

/** One pack or pass: what it adds, for how long, the price, and Buy (or why it cannot be bought). */
export function AddonCard({ item, onBuy }: { item: AddonItem; onBuy: () => void }) {
  const t = useTranslations("addons");
  const locale = useLocale();
  const name = locale === "en" ? item.nameEn : item.name;
  return (
    <article
      className="flex h-full flex-col rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
      aria-label={name}
    >
      <h3 className="font-semibold">{name}</h3>
      <p className="mt-1 text-sm text-slate-700">
        {allowanceText(item, t, locale)} · {t("allowance.days", { days: item.validityDays })}
        {item.renewal === "MONTHLY" && ` · ${t("monthly")}`}
      </p>
      <div className="mt-auto flex items-center justify-between gap-3 pt-3">
        <span className="text-lg font-bold tabular-nums">{formatMoney(item.priceCents, item.currency, locale)}</span>
        {item.eligible ? (
          <button
            type="button"
            onClick={onBuy}
            className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700"
          >
            {t("buy")}
          </button>
        ) : (
          <span className="text-right text-xs text-slate-600">
            {item.reasons.map((reason) => t(`reasons.${reason}`)).join(", ")}
          </span>
        )}
      </div>
    </article>
  );
}
