"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatMoney } from "@/app/_lib/money";
import { useTRPC } from "@/app/_trpc/react";
import { AddonCard } from "./addon-card";
import type { AddonItem } from "./types";

/**
 * "Travelling to…": a searchable country list (a datalist over the names in the reader's
 * language); the chosen country's zone, what roaming costs there without a pass, and the passes.
 */
export function TravelPicker({ lineId, onBuy }: { lineId: string; onBuy: (item: AddonItem) => void }) {
  const t = useTranslations("addons");
  const locale = useLocale();
  const trpc = useTRPC();
  const id = useId();
  const [text, setText] = useState("");
  const countries = useQuery(trpc.addon.countries.queryOptions());
  const nameOf = (country: { name: string; nameEn: string }) => (locale === "en" ? country.nameEn : country.name);
  const sorted = [...(countries.data?.items ?? [])].sort((a, b) => nameOf(a).localeCompare(nameOf(b), locale));
  const typed = text.trim().toLocaleLowerCase(locale);
  const chosen =
    sorted.find((country) => nameOf(country).toLocaleLowerCase(locale) === typed) ??
    sorted.find((country) => country.code.toLowerCase() === typed) ??
    null;
  const roaming = useQuery({
    ...trpc.addon.roaming.queryOptions({ country: chosen?.code ?? "", lineId }),
    enabled: chosen !== null,
  });
  const data = roaming.data;
  const money = (cents: number) => formatMoney(cents, data?.payAsYouGo.currency ?? "RUB", locale);

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("travel.title")}
      </h2>
      <div className="mt-3 max-w-md">
        <label htmlFor={`${id}-country`} className="block text-sm font-medium">
          {t("travel.country")}
        </label>
        <input
          id={`${id}-country`}
          list={`${id}-countries`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t("travel.placeholder")}
          autoComplete="off"
          className="mt-1.5 block min-h-12 w-full rounded-lg border border-slate-400 bg-white px-3 text-base"
        />
        <datalist id={`${id}-countries`}>
          {sorted.map((country) => (
            <option key={country.code} value={nameOf(country)} />
          ))}
        </datalist>
        {typed && !chosen && <p className="mt-1 text-sm text-slate-600">{t("travel.unknown")}</p>}
      </div>
      <div aria-live="polite" className="mt-3">
        {chosen && roaming.isPending && <p className="animate-pulse text-sm text-slate-700">{t("travel.loading")}</p>}
        {data && (
          <div className="space-y-3" data-testid="roaming-result">
            <p className="font-medium">{t("travel.zone", { zone: nameOf(data.zone) })}</p>
            <div>
              <h3 className="text-sm font-semibold">{t("travel.payg")}</h3>
              <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-700">{t("travel.perMb")}</dt>
                <dd className="tabular-nums">{money(data.payAsYouGo.mbCents)}</dd>
                <dt className="text-slate-700">{t("travel.perMinute")}</dt>
                <dd className="tabular-nums">{money(data.payAsYouGo.minuteCents)}</dd>
                <dt className="text-slate-700">{t("travel.perSms")}</dt>
                <dd className="tabular-nums">{money(data.payAsYouGo.smsCents)}</dd>
              </dl>
            </div>
            <div>
              <h3 className="text-sm font-semibold">{t("travel.passes")}</h3>
              <ul className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                {data.passes.map((pass) => (
                  <li key={pass.id}>
                    <AddonCard item={pass} onBuy={() => onBuy(pass)} />
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
