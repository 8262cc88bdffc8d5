import { CalendarClock, Smartphone, Wifi } from "lucide-react";
import Link from "next/link";
import type { getTranslations } from "next-intl/server";
import { formatDate, formatGigabytes, formatNumber, formatPhone } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import type { AccountLine } from "@/app/_trpc/types";
import { LineControls } from "./line-controls";
import { SpendLimit } from "./spend-limit";
import { UsageChart } from "./usage-chart";
import { UsageMeter } from "./usage-meter";

const STATUS_STYLE: Record<AccountLine["status"], string> = {
  ACTIVE: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  BLOCKED: "bg-red-50 text-red-800 ring-red-200",
  SUSPENDED: "bg-amber-50 text-amber-800 ring-amber-200",
  TERMINATED: "bg-slate-100 text-slate-700 ring-slate-200",
};

type DashboardTranslator = Awaited<ReturnType<typeof getTranslations<"dashboard">>>;

/** One line with its tariff, allowances and usage chart; the translator and locale come from the dashboard. */
export function LineCard({
  line,
  currency,
  t,
  locale,
}: {
  line: AccountLine;
  currency: string;
  t: DashboardTranslator;
  locale: string;
}) {
  const isMobile = line.kind === "MOBILE";
  const Icon = isMobile ? Smartphone : Wifi;
  const title = line.msisdn ? formatPhone(line.msisdn) : (line.address ?? t(`kind.${line.kind}`));
  const titleId = `line-${line.id}`;
  const usedOf = (used: string, included: string) => t("usedOf", { used, included });
  const unlimited = (used: string) => t("usedUnlimited", { used });

  return (
    <article aria-labelledby={titleId} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className="grid size-10 shrink-0 place-items-center rounded-xl bg-brand-50 text-brand-700"
        >
          <Icon className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h3
            id={titleId}
            className={
              line.msisdn
                ? "text-lg font-semibold whitespace-nowrap tabular-nums"
                : "text-base leading-snug font-semibold break-words"
            }
          >
            {title}
          </h3>
          <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
            {t(`kind.${line.kind}`)}
            <span className={`rounded-full px-2 py-px text-xs font-medium ring-1 ${STATUS_STYLE[line.status]}`}>
              {t(`status.${line.status}`)}
            </span>
          </p>
        </div>
      </div>

      <div className="mt-4 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-t border-slate-100 pt-4">
        <p className="font-medium text-slate-900">{locale === "en" ? line.tariff.nameEn : line.tariff.name}</p>
        <p className="text-sm text-slate-700">
          {t("monthlyFee", { amount: formatMoney(line.tariff.monthlyFeeCents, currency, locale) })}
        </p>
      </div>
      {line.pendingChange && (
        <p className="mt-2 flex items-center gap-1.5 text-sm text-sky-800">
          <CalendarClock aria-hidden="true" className="size-4 shrink-0" />
          {t(line.pendingChange.status === "PROVISIONING" ? "pendingChangeProvisioning" : "pendingChange", {
            tariff: locale === "en" ? line.pendingChange.toTariff.nameEn : line.pendingChange.toTariff.name,
            date: formatDate(line.pendingChange.effectiveAt, locale),
          })}
        </p>
      )}
      <Link
        href={`/tariffs?line=${line.id}`}
        className="mt-1 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline"
      >
        {t("changeTariff")}
      </Link>

      <h4 className="mt-4 text-xs font-semibold tracking-wide text-slate-600 uppercase">{t("usageTitle")}</h4>
      <div className="mt-2 space-y-3">
        {isMobile && (
          <>
            <UsageMeter
              id={`${titleId}-minutes`}
              label={t("usage.minutes")}
              {...line.usage.minutes}
              formatAmount={(value) => t("units.minutes", { value: formatNumber(value, locale) })}
              usedOfText={usedOf}
              unlimitedText={unlimited}
            />
            <UsageMeter
              id={`${titleId}-sms`}
              label={t("usage.sms")}
              {...line.usage.sms}
              formatAmount={(value) => t("units.sms", { value: formatNumber(value, locale) })}
              usedOfText={usedOf}
              unlimitedText={unlimited}
            />
          </>
        )}
        <UsageMeter
          id={`${titleId}-data`}
          label={t("usage.data")}
          {...line.usage.dataMb}
          formatAmount={(value) => t("units.data", { value: formatGigabytes(value, locale) })}
          usedOfText={usedOf}
          unlimitedText={unlimited}
        />
      </div>
      {line.addons.length > 0 && (
        <div className="mt-4" data-testid="line-addons">
          <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t("addonsTitle")}</h4>
          <ul className="mt-2 space-y-3">
            {line.addons.map((addon) =>
              addon.kind === "ROAMING" && addon.dataMb ? (
                <li key={addon.id}>
                  {/* A pass's allowance is used abroad, in its zone: its own bar. */}
                  <UsageMeter
                    id={`${titleId}-${addon.id}`}
                    label={t("addonUntil", {
                      addon: locale === "en" ? addon.nameEn : addon.name,
                      date: formatDate(addon.endsAt, locale),
                    })}
                    used={addon.used.dataMb}
                    included={addon.dataMb}
                    formatAmount={(value) => t("units.data", { value: formatGigabytes(value, locale) })}
                    usedOfText={usedOf}
                    unlimitedText={unlimited}
                  />
                </li>
              ) : (
                <li key={addon.id} className="text-sm text-slate-700">
                  {t("addonUntil", {
                    addon: locale === "en" ? addon.nameEn : addon.name,
                    date: formatDate(addon.endsAt, locale),
                  })}
                </li>
              ),
            )}
          </ul>
        </div>
      )}
      {line.roaming.chargedCents > 0 && (
        <p className="mt-3 text-sm text-amber-800" data-testid="roaming-charged">
          {t("roamingCharged", { amount: formatMoney(line.roaming.chargedCents, currency, locale) })}
        </p>
      )}
      {isMobile && (
        <Link
          href={`/addons?line=${line.id}`}
          className="mt-1 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline"
        >
          {t("buyAddons")}
        </Link>
      )}
      <UsageChart days={line.dailyUsage} isMobile={isMobile} />
      {isMobile && <SpendLimit line={line} currency={currency} locale={locale} />}
      {isMobile && <LineControls line={line} currency={currency} locale={locale} />}
    </article>
  );
}
