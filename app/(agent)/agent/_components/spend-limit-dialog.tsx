"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { formatMoney, formatMoneyInput, readMoney } from "@/app/_lib/money";
import { useTRPC } from "@/app/_trpc/react";
import { CallError } from "./call-error";
import { DialogActions } from "@/app/_components/dialog-actions";
import { Modal } from "@/app/_components/modal";

/** The largest cap the server takes: one million rubles (spend.schema.ts). */
const MAX_LIMIT_CENTS = 100_000_000;

/** The customer's monthly cap on extras, set or removed on their behalf (audited on the server). */
export function SpendLimitDialog({
  line,
  onClose,
}: {
  line: { id: string; label: string; spendLimitCents: number | null };
  onClose: () => void;
}) {
  const t = useTranslations("agent.spend");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const { key: idempotencyKey } = useIdempotencyKey("spend");
  const [text, setText] = useState(line.spendLimitCents === null ? "" : formatMoneyInput(line.spendLimitCents, locale));
  const [invalid, setInvalid] = useState(false);
  const save = useMutation(
    trpc.agent.setSpendLimit.mutationOptions({
      onSuccess: onClose,
      onSettled: () => queryClient.invalidateQueries(trpc.agent.pathFilter()),
    }),
  );

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const reading = readMoney(text);
    const isValid = reading.ok && reading.cents % 100 === 0 && reading.cents <= MAX_LIMIT_CENTS;
    setInvalid(!isValid);
    if (reading.ok && isValid) save.mutate({ lineId: line.id, limitCents: reading.cents, idempotencyKey });
  }

  return (
    <Modal isOpen onClose={onClose} title={t("title", { line: line.label })}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <p className="text-sm text-slate-700">
          {line.spendLimitCents === null
            ? t("none")
            : t("current", { limit: formatMoney(line.spendLimitCents, "RUB", locale) })}
        </p>
        <label className="block text-sm font-medium text-slate-800">
          {t("amount")}
          <input
            value={text}
            onChange={(event) => setText(event.target.value)}
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={invalid}
            aria-describedby={`${id}-hint`}
            className="mt-1 min-h-11 w-full rounded-lg border border-slate-300 px-3 text-base"
          />
        </label>
        <p id={`${id}-hint`} className={`text-xs ${invalid ? "text-red-800" : "text-slate-600"}`}>
          {t("hint")}
        </p>
        <CallError error={save.error} />
        <DialogActions
          pending={save.isPending}
          submitLabel={t("save")}
          pendingLabel={t("saving")}
          cancelLabel={t("cancel")}
          onCancel={onClose}
        />
        {line.spendLimitCents !== null && (
          <button
            type="button"
            disabled={save.isPending}
            onClick={() => save.mutate({ lineId: line.id, limitCents: null, idempotencyKey })}
            className="min-h-11 rounded-lg border border-slate-300 px-4 text-sm font-medium hover:bg-slate-100"
          >
            {t("remove")}
          </button>
        )}
      </form>
    </Modal>
  );
}
