"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { formatMoney } from "@/app/_lib/money";
import { useTRPC } from "@/app/_trpc/react";
import { CallError } from "./call-error";
import { DialogActions, DialogDone } from "@/app/_components/dialog-actions";
import { Modal } from "@/app/_components/modal";

type Line = { id: string; label: string; kind: string; tariff: { name: string; nameEn: string } };

/** The tariff change on the customer's behalf: the same eligibility and preview the subscriber sees. */
export function TariffChangeDialog({
  line,
  requestId,
  onClose,
}: {
  line: Line;
  requestId?: string;
  onClose: () => void;
}) {
  const t = useTranslations("agent.tariff");
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [tariffId, setTariffId] = useState("");
  const [effective, setEffective] = useState<"IMMEDIATE" | "NEXT_CYCLE">("NEXT_CYCLE");
  const { key: idempotencyKey } = useIdempotencyKey("tariff");
  const options = useQuery(trpc.agent.tariffOptions.queryOptions({ lineId: line.id }));
  const preview = useQuery({
    ...trpc.agent.previewTariffChange.queryOptions({ lineId: line.id, tariffId, effective }),
    enabled: tariffId !== "",
  });
  const change = useMutation(
    trpc.agent.changeTariff.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.agent.pathFilter()),
    }),
  );
  const name = (tariff: { name: string; nameEn: string }) => (locale === "en" ? tariff.nameEn : tariff.name);
  const money = (cents: number) => formatMoney(cents, "RUB", locale);
  const reasonText = (reason: string) =>
    t.has(`reasons.${reason}` as "reasons.MIN_TERM") ? t(`reasons.${reason}` as "reasons.MIN_TERM") : reason;
  const tariffs = options.data?.items.filter((tariff) => tariff.kind === line.kind) ?? [];

  return (
    <Modal isOpen onClose={onClose} title={t("title", { line: line.label })}>
      {change.isSuccess ? (
        <DialogDone
          message={t("done", {
            name: name(change.data.toTariff),
            date: format.dateTime(change.data.effectiveAt, { dateStyle: "long" }),
          })}
          closeLabel={t("cancel")}
          onClose={onClose}
        />
      ) : (
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (tariffId && preview.data?.eligible)
              change.mutate({ lineId: line.id, tariffId, effective, idempotencyKey, requestId });
          }}
        >
          <p className="text-sm text-slate-700">{t("current", { name: name(line.tariff) })}</p>
          <div>
            <label htmlFor={`${id}-tariff`} className="block text-sm font-medium">
              {t("choose")}
            </label>
            <select
              id={`${id}-tariff`}
              value={tariffId}
              onChange={(event) => setTariffId(event.target.value)}
              className="mt-1.5 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-2"
            >
              <option value="">{options.isPending ? "…" : t("chooseOne")}</option>
              {tariffs.map((tariff) => (
                <option key={tariff.id} value={tariff.id} disabled={!tariff.eligible}>
                  {name(tariff)} — {money(tariff.monthlyFeeCents)}
                  {!tariff.eligible && ` (${t("unavailable")}: ${tariff.reasons.map(reasonText).join(", ")})`}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend className="text-sm font-medium">{t("effective")}</legend>
            <div className="mt-1.5 grid gap-2 sm:grid-cols-2">
              {(["NEXT_CYCLE", "IMMEDIATE"] as const).map((value) => (
                <label
                  key={value}
                  className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3 text-sm"
                >
                  <input
                    type="radio"
                    name={`${id}-effective`}
                    value={value}
                    checked={effective === value}
                    onChange={() => setEffective(value)}
                    className="size-5 accent-brand-600"
                  />
                  {t(value)}
                </label>
              ))}
            </div>
          </fieldset>

          {tariffId && (
            <section
              aria-live="polite"
              aria-busy={preview.isFetching}
              className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm"
            >
              <h3 className="font-semibold">{t("preview")}</h3>
              {preview.isPending ? (
                <p className="mt-1 text-slate-600">{t("previewLoading")}</p>
              ) : preview.isError ? (
                <CallError error={preview.error} />
              ) : !preview.data.eligible ? (
                <p className="mt-1 font-medium text-red-800">
                  {t("ineligible")} {preview.data.reasons.map(reasonText).join(", ")}
                </p>
              ) : (
                <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
                  <dt>{t("credit")}</dt>
                  <dd className="text-right tabular-nums">−{money(preview.data.prorationCreditCents)}</dd>
                  <dt>{t("charge")}</dt>
                  <dd className="text-right tabular-nums">{money(preview.data.prorationChargeCents)}</dd>
                  <dt className="font-semibold">{t("net")}</dt>
                  <dd className="text-right font-semibold tabular-nums" data-testid="tariff-net">
                    {money(preview.data.netWithTaxCents)}
                  </dd>
                  <dt>{t("effectiveAt")}</dt>
                  <dd className="text-right">{format.dateTime(preview.data.effectiveAt, { dateStyle: "long" })}</dd>
                  <dt className="col-span-2 text-slate-700">
                    {t("monthlyDifference", { amount: money(preview.data.monthlyDifferenceCents) })}
                  </dt>
                </dl>
              )}
            </section>
          )}

          {change.error && <CallError error={change.error} />}
          <DialogActions
            pending={change.isPending}
            disabled={!preview.data?.eligible}
            submitLabel={t("confirm")}
            pendingLabel={t("confirming")}
            cancelLabel={t("cancel")}
            onCancel={onClose}
          />
        </form>
      )}
    </Modal>
  );
}
