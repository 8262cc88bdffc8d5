"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { useForm, type FieldError } from "react-hook-form";
import { z } from "zod";
import { useServerErrors } from "@/app/_lib/form-errors";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { formatMoney, parseMoney } from "@/app/_lib/money";
import { useTRPC } from "@/app/_trpc/react";
import { CallError } from "./call-error";
import { DialogActions } from "@/app/_components/dialog-actions";
import { Modal } from "@/app/_components/modal";

type Bill = { id: string; number: string; totalCents: number; paidCents: number; currency: string };

// Messages are translation keys of "agent.adjust".
const adjustFormSchema = z.object({
  kind: z.enum(["credit", "charge"]),
  amount: z.string().refine((value) => (parseMoney(value) ?? 0) > 0, "amountInvalid"),
  reason: z.string().trim().min(3, "reasonRequired").max(500, "reasonRequired"),
});
type AdjustForm = z.infer<typeof adjustFormSchema>;

/** A credit or extra charge on a bill; above the agent's limit it goes to a supervisor. */
export function AdjustBillDialog({
  bill,
  requestId,
  onClose,
}: {
  bill: Bill;
  requestId?: string;
  onClose: () => void;
}) {
  const t = useTranslations("agent.adjust");
  const tErrors = useTranslations("agent.errors");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const { key: idempotencyKey } = useIdempotencyKey("adjust");
  const limit = useQuery(trpc.agent.adjustmentLimit.queryOptions());
  const form = useForm<AdjustForm>({
    resolver: zodResolver(adjustFormSchema),
    defaultValues: { kind: "credit", amount: "", reason: "" },
  });
  const placeServerErrors = useServerErrors(form, { fieldNames: { amountCents: "amount" } });
  const adjust = useMutation(
    trpc.agent.adjustBill.mutationOptions({
      onError: placeServerErrors,
      onSettled: () => queryClient.invalidateQueries(trpc.agent.pathFilter()),
    }),
  );
  const { errors } = form.formState;
  const money = (cents: number) => formatMoney(cents, bill.currency, locale);
  // The server's own words when it refused the field (e.g. more than the bill), else this form's hint.
  const messageOf = (error: FieldError | undefined, hint: "amountInvalid" | "reasonRequired") =>
    error?.type === "server" && error.message ? tErrors("details", { message: error.message }) : t(hint);

  const onSubmit = form.handleSubmit((values) => {
    const cents = parseMoney(values.amount) ?? 0;
    adjust.mutate({
      billId: bill.id,
      amountCents: values.kind === "credit" ? -cents : cents,
      reason: values.reason,
      idempotencyKey,
      requestId,
    });
  });

  return (
    <Modal isOpen onClose={onClose} title={t("title", { number: bill.number })}>
      {adjust.isSuccess ? (
        <div className="space-y-4">
          <p
            role="status"
            className={`rounded-lg p-3 font-medium ${adjust.data.status === "APPLIED" ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}
          >
            {adjust.data.status === "APPLIED" ? t("applied", { amount: money(adjust.data.amountCents) }) : t("pending")}
          </p>
          <button
            type="button"
            onClick={onClose}
            className="min-h-11 rounded-lg border border-slate-300 px-4 font-medium"
          >
            {t("cancel")}
          </button>
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <p className="text-sm text-slate-700">
            {t("total", { total: money(bill.totalCents), paid: money(bill.paidCents) })}
          </p>
          {limit.data && limit.data.limitCents !== null && (
            <p className="rounded-lg bg-slate-50 p-3 text-sm text-slate-800">
              {t("limit", { amount: money(limit.data.limitCents) })}
              {limit.data.dailyCreditLimitCents !== null && limit.data.customerMonthlyCreditLimitCents !== null && (
                <>
                  {" "}
                  {t("creditLimits", {
                    daily: money(limit.data.dailyCreditLimitCents),
                    monthly: money(limit.data.customerMonthlyCreditLimitCents),
                  })}
                </>
              )}
            </p>
          )}
          <fieldset>
            <legend className="text-sm font-medium">{t("kind")}</legend>
            <div className="mt-1.5 grid gap-2 sm:grid-cols-2">
              {(["credit", "charge"] as const).map((kind) => (
                <label
                  key={kind}
                  className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3 text-sm"
                >
                  <input type="radio" value={kind} {...form.register("kind")} className="size-5 accent-brand-600" />
                  {t(kind)}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor={`${id}-amount`} className="block text-sm font-medium">
              {t("amount")}
            </label>
            <p id={`${id}-amount-hint`} className="text-xs text-slate-600">
              {t("amountHint")}
            </p>
            <input
              id={`${id}-amount`}
              inputMode="decimal"
              autoComplete="off"
              {...form.register("amount")}
              aria-invalid={errors.amount ? true : undefined}
              aria-describedby={[`${id}-amount-hint`, errors.amount ? `${id}-amount-error` : ""]
                .filter(Boolean)
                .join(" ")}
              className={`mt-1.5 block min-h-11 w-full rounded-lg border px-3 text-base tabular-nums ${errors.amount ? "border-red-600" : "border-slate-400"}`}
            />
            {errors.amount && (
              <p id={`${id}-amount-error`} className="mt-1 text-sm font-medium text-red-700">
                {messageOf(errors.amount, "amountInvalid")}
              </p>
            )}
          </div>
          <div>
            <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
              {t("reason")}
            </label>
            <p id={`${id}-reason-hint`} className="text-xs text-slate-600">
              {t("reasonHint")}
            </p>
            <input
              id={`${id}-reason`}
              {...form.register("reason")}
              maxLength={500}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={[`${id}-reason-hint`, errors.reason ? `${id}-reason-error` : ""]
                .filter(Boolean)
                .join(" ")}
              className={`mt-1.5 block min-h-11 w-full rounded-lg border px-3 text-base ${errors.reason ? "border-red-600" : "border-slate-400"}`}
            />
            {errors.reason && (
              <p id={`${id}-reason-error`} className="mt-1 text-sm font-medium text-red-700">
                {messageOf(errors.reason, "reasonRequired")}
              </p>
            )}
          </div>
          {adjust.error && <CallError error={adjust.error} />}
          <DialogActions
            pending={adjust.isPending}
            submitLabel={t("submit")}
            pendingLabel={t("submitting")}
            cancelLabel={t("cancel")}
            onCancel={onClose}
          />
        </form>
      )}
    </Modal>
  );
}
