"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { DialogActions } from "@/app/_components/dialog-actions";
import { Modal } from "@/app/_components/modal";
import { formatDate } from "@/app/_lib/format";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { formatMoney } from "@/app/_lib/money";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { allowanceText } from "@/app/_lib/addon-allowance";
import type { AddonItem, Purchase } from "./types";

type Props = { lineId: string; addon: AddonItem; onClose: () => void; onDone: (purchase: Purchase) => void };

/**
 * The price, what it adds and when it ends before the subscriber commits, then `addon.buy` with
 * one idempotency key per dialog, kept across retries so a retried submit is the same purchase.
 */
export function BuyDialog({ lineId, addon, onClose, onDone }: Props) {
  const t = useTranslations("addons");
  const locale = useLocale();
  const trpc = useTRPC();
  const attempt = useIdempotencyKey("addon");
  const [error, setError] = useState<string | null>(null);
  const name = (item: { name: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.name);

  const preview = useQuery(trpc.addon.preview.queryOptions({ lineId, addonId: addon.id }, { staleTime: 0 }));
  const buy = useMutation(
    trpc.addon.buy.mutationOptions({
      onSuccess: onDone,
      onError(failure) {
        const { code, message } = readTRPCError(failure);
        // A refusal (the line was blocked meanwhile, the tariff changed): the preview says why, in words.
        if (code === "BAD_REQUEST") void preview.refetch();
        // The spending limit: the server's message says what is left, in the subscriber's language.
        if (code === "PRECONDITION_FAILED") return setError(message);
        setError(code === "BAD_REQUEST" ? t("unavailable") : t("dialog.failed"));
      },
    }),
  );
  const data = preview.data;
  const money = (cents: number) => formatMoney(cents, data?.currency ?? addon.currency, locale);

  return (
    <Modal isOpen onClose={onClose} title={t("dialog.title", { addon: name(addon) })}>
      <div className="mt-4 rounded-xl bg-slate-50 p-4" aria-live="polite" aria-busy={preview.isFetching}>
        {preview.isPending && <p className="animate-pulse text-sm text-slate-700">{t("dialog.loading")}</p>}
        {preview.isError && (
          <p role="alert" className="text-sm text-red-800">
            {t("dialog.previewError")}
          </p>
        )}
        {data && (
          <dl className="space-y-1.5 text-sm" data-testid="addon-preview">
            <div className="flex justify-between gap-3">
              <dt className="text-slate-700">{t("dialog.price")}</dt>
              <dd className="font-semibold tabular-nums">{money(data.priceCents)}</dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-slate-700">{t("dialog.adds")}</dt>
              <dd className="text-right">{allowanceText(data, t, locale)}</dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-slate-700">{t("dialog.ends")}</dt>
              <dd>{formatDate(data.endsAt, locale)}</dd>
            </div>
            <div className="flex justify-between gap-3">
              <dt className="text-slate-700">{t("dialog.renewal")}</dt>
              <dd className="text-right">
                {data.renewal === "MONTHLY" ? t("dialog.renewMonthly") : t("dialog.renewOnce")}
              </dd>
            </div>
            <p className="border-t border-slate-200 pt-1.5 text-slate-700">{t("dialog.charged")}</p>
            {!data.eligible && (
              <ul className="list-disc pl-5 font-medium text-red-800">
                {data.reasons.map((reason) => (
                  <li key={reason}>{t(`reasons.${reason}`)}</li>
                ))}
              </ul>
            )}
          </dl>
        )}
      </div>

      <form
        className="mt-5 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          buy.mutate({ lineId, addonId: addon.id, idempotencyKey: attempt.key });
        }}
      >
        {error && (
          <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
            {error}
          </p>
        )}
        <DialogActions
          pending={buy.isPending}
          disabled={!data?.eligible || preview.isFetching}
          submitLabel={t("dialog.confirm", { amount: money(addon.priceCents) })}
          pendingLabel={t("dialog.confirming")}
          cancelLabel={t("dialog.cancel")}
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}
