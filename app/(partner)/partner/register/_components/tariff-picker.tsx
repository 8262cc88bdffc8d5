"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatGigabytes, formatNumber } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import type { RouterOutputs } from "@/app/_trpc/types";

export type SellableTariff = RouterOutputs["partner"]["tariffs"][number];

type TariffPickerProps = {
  tariffs: SellableTariff[];
  value: string;
  onChange: (tariffId: string) => void;
  onBlur: () => void;
  error?: string;
};

/** Tariffs on sale to new subscribers as one radio group: fee first, allowances under it. */
export function TariffPicker({ tariffs, value, onChange, onBlur, error }: TariffPickerProps) {
  const t = useTranslations("partner.register");
  const locale = useLocale();
  const allowance = (amount: number | null, format: (value: number) => string) =>
    amount === null ? t("unlimited") : format(amount);

  return (
    <div>
      <div
        role="radiogroup"
        aria-labelledby="tariff-legend"
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "tariff-error" : undefined}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onBlur();
        }}
        className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3"
      >
        {tariffs.map((tariff) => {
          const isChecked = value === tariff.id;
          const name = locale === "en" ? tariff.nameEn : tariff.name;
          return (
            <label
              key={tariff.id}
              className={`flex cursor-pointer gap-3 rounded-xl border p-4 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${
                isChecked
                  ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600"
                  : "border-slate-300 bg-white hover:border-brand-500"
              }`}
            >
              <input
                type="radio"
                name="tariffId"
                value={tariff.id}
                checked={isChecked}
                onChange={() => onChange(tariff.id)}
                className="mt-1 size-4 shrink-0 accent-brand-600"
              />
              <span className="min-w-0">
                <span className="block font-semibold">{name}</span>
                <span className="block text-sm font-medium text-slate-800">
                  {t("perMonth", { amount: formatMoney(tariff.monthlyFeeCents, tariff.currency, locale) })}
                </span>
                <span className="mt-1 block text-xs text-slate-600">
                  {tariff.kind === "HOME_INTERNET"
                    ? // Minutes and texts mean nothing for home internet: its description says speed and equipment.
                      ((locale === "en" ? tariff.descriptionEn : tariff.description) ??
                      allowance(tariff.dataMb, (v) => t("data", { value: formatGigabytes(v, locale) })))
                    : [
                        allowance(tariff.minutes, (v) => t("minutes", { value: formatNumber(v, locale) })),
                        allowance(tariff.sms, (v) => t("sms", { value: formatNumber(v, locale) })),
                        allowance(tariff.dataMb, (v) => t("data", { value: formatGigabytes(v, locale) })),
                      ].join(" · ")}
                </span>
                {tariff.minTermMonths > 0 && (
                  <span className="mt-1 block text-xs text-amber-800">
                    {t("minTerm", { months: tariff.minTermMonths })}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
      {error && (
        <p id="tariff-error" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
