"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { DialogActions } from "@/app/_components/dialog-actions";
import { Modal } from "@/app/_components/modal";
import { formatDate } from "@/app/_lib/format";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { formatMoney } from "@/app/_lib/money";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import type { TariffItem } from "./types";

type Effective = "IMMEDIATE" | "NEXT_CYCLE";
export type ChangeDone = { id: string; effective: Effective; tariffName: string; effectiveAt: Date };

type Props = {
  lineId: string;
  tariff: TariffItem;
  currency: string;
  onClose: () => void;
  onDone: (done: ChangeDone) => void;
};

/**
 * The money of a switch before the subscriber commits: when (today or the next cycle), the
 * credit and charge of an immediate switch, then `tariff.change` with one idempotency key per
 * dialog, kept across retries so a retried submit is the same switch.
 */
export function ChangeDialog({ lineId, tariff, currency, onClose, onDone }: Props) {
  const t = useTranslations("tariffs");
  const locale = useLocale();
  const trpc = useTRPC();
  const id = useId();
  const attempt = useIdempotencyKey("tariff");
  const [effective, setEffective] = useState<Effective>("IMMEDIATE");
  const [error, setError] = useState<"conflict" | "failed" | null>(null);
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const name = (item: { name: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.name);

  const preview = useQuery(
    trpc.tariff.previewChange.queryOptions({ lineId, tariffId: tariff.id, effective }, { staleTime: 0 }),
  );
  const change = useMutation(
    trpc.tariff.change.mutationOptions({
      onSuccess(result) {
        onDone({
          id: result.id,
          effective: result.effective,
          tariffName: name(result.toTariff),
          effectiveAt: result.effectiveAt,
        });
      },
      onError(failure) {
        const { code } = readTRPCError(failure);
        setError(code === "CONFLICT" || code === "BAD_REQUEST" ? "conflict" : "failed");
      },
    }),
  );
  const data = preview.data;
  const nextCycleDate = data?.cycleEnd ?? null;

  return (
    <Modal isOpen onClose={onClose} title={t("change.title", { tariff: name(tariff) })}>
      {data && (
        <div className="mt-2 space-y-0.5 text-sm text-slate-700">
          <p>{t("change.from", { tariff: name(data.fromTariff), amount: money(data.fromTariff.monthlyFeeCents) })}</p>
          <p>{t("change.to", { tariff: name(data.toTariff), amount: money(data.toTariff.monthlyFeeCents) })}</p>
        </div>
      )}

      <fieldset className="mt-4">
        <legend className="text-sm font-medium">{t("change.when")}</legend>
        <div className="mt-2 space-y-2">
          {(["IMMEDIATE", "NEXT_CYCLE"] as const).map((option) => (
            <label
              key={option}
              className="flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border border-slate-300 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name={`${id}-effective`}
                value={option}
                checked={effective === option}
                onChange={() => {
                  setEffective(option);
                  setError(null);
                  // Another choice is another request: it must not replay the previous one.
                  attempt.renew();
                }}
                className="mt-0.5 size-4 accent-brand-600"
              />
              <span>
                <span className="block text-sm font-medium">
                  {option === "IMMEDIATE"
                    ? t("change.IMMEDIATE")
                    : t("change.NEXT_CYCLE", { date: nextCycleDate ? formatDate(nextCycleDate, locale) : "…" })}
                </span>
                <span className="block text-xs text-slate-600">
                  {option === "IMMEDIATE" ? t("change.immediateHint") : t("change.nextHint")}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="mt-4 rounded-xl bg-slate-50 p-4" aria-live="polite" aria-busy={preview.isFetching}>
        {preview.isPending && <p className="animate-pulse text-sm text-slate-700">{t("change.previewLoading")}</p>}
        {preview.isError && (
          <p role="alert" className="text-sm text-red-800">
            {t("change.previewError")}
          </p>
        )}
        {data && !data.eligible && (
          <div className="text-sm">
            <p className="font-medium">{t("change.notAllowed")}</p>
            <ul className="mt-1 list-disc pl-5">
              {data.reasons.map((reason) => (
                <li key={reason}>{t(`reasons.${reason}`)}</li>
              ))}
            </ul>
          </div>
        )}
        {data && data.eligible && data.effective === "IMMEDIATE" && (
          <dl className="space-y-1.5 text-sm" data-testid="change-preview">
            <div className="flex justify-between gap-3">
              <dt className="text-slate-700">
                {t("change.credit", {
                  tariff: name(data.fromTariff),
                  days: data.daysRemaining,
                  total: data.cycleDays,
                })}
              </dt>
              <dd className="shrink-0 font-medium text-emerald-700 tabular-nums">
                −{money(data.prorationCreditCents)}
              </dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-slate-700">{t("change.charge", { tariff: name(data.toTariff) })}</dt>
              <dd className="shrink-0 font-medium tabular-nums">+{money(data.prorationChargeCents)}</dd>
            </div>
            <div className="flex justify-between gap-3 border-t border-slate-200 pt-1.5 font-semibold">
              <dt>{t("change.net")}</dt>
              <dd className="shrink-0 text-right tabular-nums">
                {data.netCents < 0
                  ? t("change.netRefund", { amount: money(-data.netCents) })
                  : `+${money(data.netCents)}`}
                <span className="block text-xs font-normal text-slate-600">
                  {t("change.netWithTax", { amount: money(Math.abs(data.netWithTaxCents)) })}
                </span>
              </dd>
            </div>
          </dl>
        )}
        {data && data.eligible && data.effective === "NEXT_CYCLE" && (
          <p className="text-sm" data-testid="change-preview">
            {t("change.fromDate", {
              date: formatDate(data.effectiveAt, locale),
              amount: money(data.toTariff.monthlyFeeCents),
            })}
          </p>
        )}
      </div>

      <form
        className="mt-5 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          change.mutate({ lineId, tariffId: tariff.id, effective, idempotencyKey: attempt.key });
        }}
      >
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
            {t(`change.${error}`)}
          </p>
        )}
        <DialogActions
          pending={change.isPending}
          disabled={!data?.eligible || preview.isFetching}
          submitLabel={t("change.confirm")}
          pendingLabel={t("change.confirming")}
          cancelLabel={t("change.cancel")}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}
