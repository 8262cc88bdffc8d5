"use client";

import { useMutation } from "@tanstack/react-query";
import { CircleAlert, CircleCheck, LoaderCircle, ShieldCheck } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect } from "react";
import { formatTime } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { creditCheckInput } from "@/server/domain/partner/partner.schema";

export type CreditCheck = RouterOutputs["partner"]["creditCheck"];

type CreditSummaryProps = { documentNumber: string; birthDate: string; tariffId: string };

/**
 * The credit check and its terms, run as soon as passport, birth date and tariff are valid (and
 * again when any of them changes). A POST: the passport number never goes into a URL.
 */
export function useCreditCheck({ documentNumber, birthDate, tariffId }: CreditSummaryProps) {
  const trpc = useTRPC();
  const check = useMutation(trpc.partner.creditCheck.mutationOptions());
  const parsed = creditCheckInput.safeParse({ documentNumber, birthDate, tariffId });
  const input = parsed.success ? parsed.data : null;
  const key = input ? `${input.documentNumber}|${input.birthDate}|${input.tariffId}` : null;
  const { mutate, reset } = check;

  const run = useCallback(() => {
    if (!key) return;
    const [number, birth, tariff] = key.split("|") as [string, string, string];
    mutate({ documentNumber: number, birthDate: birth, tariffId: tariff });
  }, [key, mutate]);

  useEffect(() => {
    if (!key) {
      reset();
      return;
    }
    const handle = setTimeout(run, 250);
    return () => clearTimeout(handle);
  }, [key, run, reset]);

  const isCurrent =
    !!key &&
    check.variables !== undefined &&
    `${check.variables.documentNumber}|${check.variables.birthDate}|${check.variables.tariffId}` === key;
  const failure = isCurrent && check.isError ? readTRPCError(check.error) : null;
  return {
    isReady: !!key,
    isPending: !!key && (!isCurrent || check.isPending),
    isError: isCurrent && check.isError,
    /** Set when the dealer ran too many checks: when the next one is allowed. */
    retryAt: failure?.code === "TOO_MANY_REQUESTS" ? (failure.retryAt ?? new Date()) : null,
    data: isCurrent ? check.data : undefined,
    retry: run,
  };
}

export function CreditSummary({ check }: { check: ReturnType<typeof useCreditCheck> }) {
  const t = useTranslations("partner.credit");
  const locale = useLocale();

  if (!check.isReady) {
    return <p className="text-sm text-slate-700">{t("waiting")}</p>;
  }
  if (check.retryAt) {
    return (
      <div
        role="alert"
        className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
      >
        {t("tooMany", { time: formatTime(check.retryAt, locale) })}
        <button type="button" onClick={check.retry} className="min-h-11 font-semibold underline">
          {t("retry")}
        </button>
      </div>
    );
  }
  if (check.isError) {
    return (
      <div
        role="alert"
        className="flex flex-wrap items-center gap-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
      >
        {t("error")}
        <button type="button" onClick={check.retry} className="min-h-11 font-semibold underline">
          {t("retry")}
        </button>
      </div>
    );
  }
  if (check.isPending || !check.data) {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
        <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
        {t("checking")}
      </p>
    );
  }

  const result = check.data;
  if (!result.approved) {
    return (
      <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-red-900">
        <p className="flex items-center gap-2 font-semibold">
          <CircleAlert aria-hidden="true" className="size-5" />
          {t("refused")}
        </p>
        <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
          {result.refusals.map((code) => (
            <li key={code}>{t(`refusals.${code}`)}</li>
          ))}
        </ul>
      </div>
    );
  }

  const money = (cents: number) => formatMoney(cents, result.currency, locale);
  const rule = result.rule;
  return (
    <div role="status" className="rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-emerald-950">
      <p className="flex items-center gap-2 font-semibold">
        <CircleCheck aria-hidden="true" className="size-5" />
        {t("approved")}
      </p>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-emerald-900">{t("deposit")}</dt>
        <dd className="font-semibold tabular-nums" data-testid="credit-deposit">
          {result.depositCents > 0 ? money(result.depositCents) : t("noDeposit")}
        </dd>
        <dt className="text-emerald-900">{t("creditLimit")}</dt>
        <dd className="font-semibold tabular-nums">{money(result.creditLimitCents)}</dd>
      </dl>
      {rule && (
        <p className="mt-2 flex items-start gap-2 text-xs text-emerald-900">
          <ShieldCheck aria-hidden="true" className="mt-px size-4 shrink-0" />
          {t("rule", {
            age: result.age,
            band:
              rule.ageBelow === null
                ? t("ageFrom", { min: rule.minAge })
                : t("ageBand", { min: rule.minAge, max: rule.ageBelow - 1 }),
            fee: rule.minMonthlyFeeCents > 0 ? t("feeFrom", { amount: money(rule.minMonthlyFeeCents) }) : t("anyFee"),
            percent: rule.depositPercentOfFee,
          })}
        </p>
      )}
    </div>
  );
}
