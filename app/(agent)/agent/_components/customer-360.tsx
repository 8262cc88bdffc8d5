"use client";

import { useQuery } from "@tanstack/react-query";
import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatPhone } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { SegmentBadge } from "./badges";
import { AutopayCard } from "./c360-autopay";
import { IncidentsCard } from "./c360-incidents";
import { BillsSection, PaymentsSection } from "./c360-billing";
import { RequestsSection, TariffChangesSection, TimelineSection } from "./c360-history";
import { LinesSection } from "./c360-lines";

export type Customer360Data = RouterOutputs["agent"]["customer360"];

function Profile({ data, meId, isCompact }: { data: Customer360Data; meId: string | null; isCompact: boolean }) {
  const t = useTranslations("agent.c360");
  const locale = useLocale();
  const format = useFormatter();
  const { customer } = data;
  const Heading = isCompact ? "h2" : "h1";
  const balance = customer.balanceCents;
  const managerName = customer.personalManager
    ? customer.personalManager.id === meId
      ? `${customer.personalManager.name} (${t("managerIsYou")})`
      : customer.personalManager.name
    : t("noManager");
  const loginState = !customer.login
    ? t("noLogin")
    : customer.login.isLocked
      ? t("loginLocked")
      : customer.login.isActivated
        ? t("loginActive")
        : t("loginNotActivated");
  const rows: [string, ReactNode][] = [
    [
      t("phone"),
      customer.phone
        ? formatPhone(customer.phone)
        : (customer.login?.phone && formatPhone(customer.login.phone)) || "—",
    ],
    [t("email"), customer.email ?? "—"],
    [t("address"), customer.address ?? "—"],
    [t("document"), customer.documentNumberMasked ?? "—"],
    [
      t("birthDate"),
      customer.birthDate ? format.dateTime(customer.birthDate, { dateStyle: "long", timeZone: "UTC" }) : "—",
    ],
    [t("language"), customer.locale === "en" ? "English" : "Русский"],
    [t("login"), loginState],
    [t("manager"), managerName],
    ...(customer.partner ? ([[t("partner"), customer.partner.name]] as [string, ReactNode][]) : []),
  ];

  return (
    <section aria-labelledby="c360-name" className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <Heading
            id="c360-name"
            className={`${isCompact ? "text-xl" : "text-2xl sm:text-3xl"} font-bold tracking-tight break-words`}
          >
            {customer.name}
          </Heading>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <span className="tabular-nums">{t("account", { number: customer.accountNumber })}</span>
            <SegmentBadge segment={data.value.segment} />
            <span>{t(`status.${customer.status}`)}</span>
          </p>
          <p className="mt-1 text-sm text-slate-600">
            {t("since", {
              date: format.dateTime(customer.createdAt, { dateStyle: "long" }),
              months: customer.tenureMonths,
            })}
          </p>
        </div>
        <div className="sm:text-right">
          <p className="text-xs font-semibold text-slate-600 uppercase">{t("balance")}</p>
          <p
            className={`text-lg font-bold tabular-nums ${balance > 0 ? "text-amber-800" : "text-emerald-800"}`}
            data-testid="c360-balance"
          >
            {balance > 0
              ? t("owes", { amount: formatMoney(balance, customer.currency, locale) })
              : balance < 0
                ? t("credit", { amount: formatMoney(-balance, customer.currency, locale) })
                : t("settled")}
          </p>
        </div>
      </div>
      {isCompact && (
        <Link
          href={`/agent/customers/${customer.id}`}
          className="mt-2 inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
        >
          <ExternalLink aria-hidden="true" className="size-4" />
          {t("open")}
        </Link>
      )}
      <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-2 border-t border-slate-100 pt-3 text-sm sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-slate-600">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Value({ data }: { data: Customer360Data }) {
  const t = useTranslations("agent.c360");
  const locale = useLocale();
  const format = useFormatter();
  const { value } = data;
  const facts = value.breakdown?.facts;
  const words = (key: string): string => {
    switch (key) {
      case "revenue":
        return t("factorText.revenue", {
          amount: formatMoney(facts?.averageMonthlyRevenueCents ?? 0, data.customer.currency, locale),
          bills: facts?.recentBillTotalsCents?.length ?? 0,
        });
      case "discipline":
        return facts?.dueBills
          ? t("factorText.discipline", {
              onTime: facts.paidOnTime ?? 0,
              due: facts.dueBills,
              overdue: facts.overdueBills ?? 0,
            })
          : t("factorText.disciplineNone");
      case "breadth":
        return t("factorText.breadth", { lines: facts?.activeLines ?? 0, kinds: facts?.serviceKinds ?? 0 });
      case "tenure":
        return t("factorText.tenure", { months: facts?.tenureMonths ?? 0 });
      default:
        return facts?.usageTrend === null || facts?.usageTrend === undefined
          ? t("factorText.growthNone")
          : t("factorText.growth", {
              trend: format.number(facts.usageTrend, {
                style: "percent",
                signDisplay: "exceptZero",
                maximumFractionDigits: 0,
              }),
            });
    }
  };
  return (
    <section aria-labelledby="c360-value" className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-baseline justify-between gap-2">
        <h3 id="c360-value" className="text-base font-semibold">
          {t("value")}
        </h3>
        <p className="text-lg font-bold tabular-nums" data-testid="c360-score">
          {t("scoreOf", { score: value.score })}
        </p>
      </div>
      <div
        role="progressbar"
        aria-labelledby="c360-value"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value.score}
        className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${value.score}%` }} />
      </div>
      {value.breakdown ? (
        <ul className="mt-3 space-y-2">
          {value.breakdown.factors.map((factor) => {
            const max = Math.round(factor.weight * 100);
            return (
              <li key={factor.key} className="text-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span className="font-medium">{t(`factor.${factor.key}`)}</span>
                  <span className="text-slate-700 tabular-nums">
                    {t("points", { points: format.number(factor.points, { maximumFractionDigits: 1 }), max })}
                  </span>
                </div>
                <p className="text-slate-600">{words(factor.key)}</p>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{t("notScored")}</p>
      )}
      {value.computedAt && (
        <p className="mt-2 text-xs text-slate-600">
          {t("computed", { date: format.dateTime(value.computedAt, { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
      )}
    </section>
  );
}

/**
 * Everything about the customer on one screen, from one call: profile, value and why, lines and
 * usage, bills and payments, requests, tariff changes and every contact. Actions on the
 * customer's behalf (tariff change, bill adjustment) open from here.
 */
export function Customer360({
  customerId,
  requestId,
  billId,
  meId,
  isCompact = false,
}: {
  customerId: string;
  requestId?: string;
  billId?: string | null;
  meId: string | null;
  isCompact?: boolean;
}) {
  const t = useTranslations("agent.c360");
  const trpc = useTRPC();
  const view = useQuery(trpc.agent.customer360.queryOptions({ customerId }, { staleTime: 15_000 }));
  if (view.isPending) {
    return (
      <div role="status" className="space-y-3">
        <span className="sr-only">{t("title")}</span>
        {[0, 1, 2].map((row) => (
          <div key={row} aria-hidden="true" className="h-36 animate-pulse rounded-2xl bg-slate-200" />
        ))}
      </div>
    );
  }
  if (view.isError) {
    return (
      <div role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-4 text-red-900">
        <p className="font-medium">{t("loadError")}</p>
        <p className="text-sm">{readTRPCError(view.error).message}</p>
        <button
          type="button"
          onClick={() => void view.refetch()}
          className="mt-3 min-h-11 rounded-lg bg-white px-4 font-medium ring-1 ring-red-300"
        >
          {t("loadOlder")}
        </button>
      </div>
    );
  }
  const data = view.data;
  return (
    <div className="space-y-4" data-testid="customer-360">
      <Profile data={data} meId={meId} isCompact={isCompact} />
      <IncidentsCard customerId={customerId} requestId={requestId} />
      <div className={isCompact ? "space-y-4" : "grid grid-cols-1 gap-4 lg:grid-cols-2"}>
        <Value data={data} />
        <LinesSection data={data} requestId={requestId} />
      </div>
      <BillsSection data={data} requestId={requestId} highlightBillId={billId ?? null} firstShown={isCompact ? 3 : 6} />
      <AutopayCard customerId={customerId} />
      <RequestsSection data={data} currentRequestId={requestId} />
      <TimelineSection data={data} isOpen firstShown={isCompact ? 12 : 25} />
      <PaymentsSection data={data} isOpen={!isCompact} />
      <TariffChangesSection data={data} isOpen={!isCompact} />
    </div>
  );
}
