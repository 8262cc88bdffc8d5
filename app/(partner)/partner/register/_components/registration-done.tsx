"use client";

import { CircleCheck, FileText, KeyRound, UserPlus } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { formatDate, formatPhone, formatTime } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import type { RouterOutputs } from "@/app/_trpc/types";

export type Registered = RouterOutputs["partner"]["registerSubscriber"];

/** What the dealer hands over: account number, the one-time code, the contract to print. */
export function RegistrationDone({ result, onAnother }: { result: Registered; onAnother: () => void }) {
  const t = useTranslations("partner.done");
  const locale = useLocale();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const tariffName = locale === "en" ? result.tariff.nameEn : result.tariff.name;
  return (
    <section aria-labelledby="done-title" className="space-y-6">
      <div className="rounded-2xl border border-emerald-200 bg-emerald-50 p-5 sm:p-6">
        <h2
          id="done-title"
          ref={headingRef}
          tabIndex={-1}
          className="flex items-center gap-2 text-xl font-bold text-emerald-950 outline-none"
        >
          <CircleCheck aria-hidden="true" className="size-6 text-emerald-700" />
          {t("title")}
        </h2>
        <p className="mt-1 text-emerald-900">
          {t(result.kind === "HOME_INTERNET" ? "subtitleHome" : "subtitle", { name: result.customerName })}
        </p>
        <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="text-sm text-emerald-900">{t("accountNumber")}</dt>
          <dd className="text-lg font-bold tabular-nums" data-testid="account-number">
            {result.accountNumber}
          </dd>
          {result.msisdn ? (
            <>
              <dt className="text-sm text-emerald-900">{t("number")}</dt>
              <dd className="font-semibold tabular-nums">{formatPhone(result.msisdn)}</dd>
            </>
          ) : (
            <>
              <dt className="text-sm text-emerald-900">{t("service")}</dt>
              <dd className="font-semibold">
                {t("homeInternet")}
                <span className="block font-mono text-sm font-normal" data-testid="service-id">
                  {result.serviceId}
                </span>
              </dd>
              <dt className="text-sm text-emerald-900">{t("installationAddress")}</dt>
              <dd className="font-semibold">{result.installationAddress}</dd>
              <dt className="text-sm text-emerald-900">{t("login")}</dt>
              <dd className="font-semibold tabular-nums" data-testid="login-phone">
                {result.loginPhone ? formatPhone(result.loginPhone) : "—"}
              </dd>
            </>
          )}
          <dt className="text-sm text-emerald-900">{t("tariff")}</dt>
          <dd className="font-semibold">
            {tariffName} · {formatMoney(result.tariff.monthlyFeeCents, result.currency, locale)}
          </dd>
          <dt className="text-sm text-emerald-900">{t("deposit")}</dt>
          <dd className="font-semibold tabular-nums">
            {result.depositCents > 0 ? formatMoney(result.depositCents, result.currency, locale) : t("noDeposit")}
          </dd>
          <dt className="text-sm text-emerald-900">{t("creditLimit")}</dt>
          <dd className="font-semibold tabular-nums">
            {formatMoney(result.creditLimitCents, result.currency, locale)}
          </dd>
        </dl>
      </div>

      <div className="rounded-2xl border border-brand-200 bg-white p-5 shadow-sm sm:p-6">
        <h3 className="flex items-center gap-2 text-lg font-semibold">
          <KeyRound aria-hidden="true" className="size-5 text-brand-700" />
          {t("codeTitle")}
        </h3>
        {result.activationCode ? (
          <>
            <p
              className="mt-3 font-mono text-3xl font-bold tracking-[0.2em] text-brand-800 tabular-nums select-all sm:text-4xl"
              data-testid="activation-code"
            >
              {result.activationCode}
            </p>
            <p className="mt-2 text-sm text-slate-700">
              {t("codeHint", {
                date: formatDate(result.activationExpiresAt!, locale),
                time: formatTime(result.activationExpiresAt!, locale),
              })}
            </p>
            <p className="mt-1 text-sm text-slate-700">
              {t(result.kind === "HOME_INTERNET" ? "activateWhereHome" : "activateWhere")}
            </p>
          </>
        ) : (
          <p className="mt-2 text-sm text-slate-700">{t("codeGone")}</p>
        )}
      </div>

      <div className="flex flex-col gap-3 sm:flex-row">
        <a
          href={result.contractUrl}
          target="_blank"
          rel="noopener"
          className="inline-flex min-h-12 items-center justify-center gap-2 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700"
        >
          <FileText aria-hidden="true" className="size-5" />
          {t("printContract")}
        </a>
        <button
          type="button"
          onClick={onAnother}
          className="inline-flex min-h-12 items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-5 font-semibold text-slate-800 hover:bg-slate-100"
        >
          <UserPlus aria-hidden="true" className="size-5" />
          {t("another")}
        </button>
        <Link
          href="/partner/orders"
          className="inline-flex min-h-12 items-center justify-center rounded-lg px-5 font-semibold text-brand-700 hover:underline"
        >
          {t("toOrders")}
        </Link>
      </div>
    </section>
  );
}
