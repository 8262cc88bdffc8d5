"use client";

import { useQuery } from "@tanstack/react-query";
import { Sparkles } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/app/_lib/money";
import { useTRPC } from "@/app/_trpc/react";

/** "You would save 240 ₽ a month": the line's last three months priced on every tariff it may switch to. */
export function Recommendation({
  lineId,
  currency,
  onShow,
}: {
  lineId: string;
  currency: string;
  onShow: (tariffId: string) => void;
}) {
  const t = useTranslations("tariffs.recommend");
  const locale = useLocale();
  const trpc = useTRPC();
  const query = useQuery(trpc.tariff.recommend.queryOptions({ lineId }));
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const data = query.data;
  const name = (tariff: { name: string; nameEn: string }) => (locale === "en" ? tariff.nameEn : tariff.name);

  return (
    <section
      aria-labelledby="recommend-title"
      aria-busy={query.isPending}
      className="rounded-2xl border border-amber-200 bg-amber-50/60 p-5"
    >
      <h2 id="recommend-title" className="flex items-center gap-2 text-lg font-semibold">
        <Sparkles aria-hidden="true" className="size-5 text-amber-600" />
        {t("title")}
      </h2>
      {query.isPending && <p className="mt-2 animate-pulse text-slate-700">{t("loading")}</p>}
      {query.isError && (
        <p role="alert" className="mt-2 text-red-800">
          {t("error")}
        </p>
      )}
      {data && data.monthsPriced === 0 && <p className="mt-2 text-slate-700">{t("noData")}</p>}
      {data && data.monthsPriced > 0 && !data.best && (
        <p className="mt-2 text-slate-800">{t("none", { current: money(data.current.monthlyCostCents) })}</p>
      )}
      {data?.best && (
        <div className="mt-2">
          <p className="text-lg font-semibold text-slate-900" data-testid="recommendation">
            {t("save", { tariff: name(data.best.tariff), amount: money(data.best.monthlySavingsCents) })}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {t("basis", {
              count: data.monthsPriced,
              current: money(data.current.monthlyCostCents),
              tariff: name(data.best.tariff),
              best: money(data.best.monthlyCostCents),
            })}
          </p>
          <button
            type="button"
            onClick={() => onShow(data.best!.tariff.id)}
            className="mt-3 inline-flex min-h-11 items-center rounded-lg bg-amber-600 px-4 font-semibold text-white hover:bg-amber-700"
          >
            {t("show")}
          </button>
        </div>
      )}
    </section>
  );
}
