"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { CreditCard, LockKeyhole } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useServerErrors } from "@/app/_lib/form-errors";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { formatMoney, parseMoney, readMoney } from "@/app/_lib/money";
import { useTRPC } from "@/app/_trpc/react";
import { declineReasonKey } from "../_lib/decline-reason";
import { tokenizeTestCard } from "../_lib/test-card-tokenizer";
import { CardFields, inputClass, useCardSchema } from "./card-fields";

type Props = { billId: string; amountDueCents: number; currency: string };

type Outcome =
  | { kind: "success"; amountCents: number }
  | { kind: "declined"; reason: string }
  | { kind: "pending" }
  | { kind: "failed" };

/**
 * Pays the bill through the test provider's card form: the card is turned into a token in the
 * browser, and only the token and the amount go to `bill.pay`. One idempotency key per attempt,
 * kept across retries until the payment has an answer, so a retry never pays twice.
 */
export function PayPanel({ billId, amountDueCents, currency }: Props) {
  const t = useTranslations("bills.pay");
  const tReasons = useTranslations("bills.declineReasons");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const id = useId();
  const attempt = useIdempotencyKey("pay");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const max = formatMoney(amountDueCents, currency, locale);

  const cardSchema = useCardSchema();
  const schema = cardSchema
    .extend({
      mode: z.enum(["full", "partial"]),
      amount: z.string(),
    })
    .superRefine((values, ctx) => {
      if (values.mode !== "partial") return;
      const amount = readMoney(values.amount);
      const message = amount.ok
        ? amount.cents < 100
          ? t("errors.amountTooLow")
          : amount.cents > amountDueCents
            ? t("errors.amountTooHigh", { max })
            : null
        : amount.reason === "empty"
          ? t("errors.amountRequired")
          : amount.reason === "tooLarge"
            ? t("errors.amountTooHigh", { max })
            : t("errors.amountInvalid");
      if (message) ctx.addIssue({ code: "custom", path: ["amount"], message });
    });
  type Values = z.infer<typeof schema>;

  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { mode: "full", amount: "", cardNumber: "", expiry: "", cvc: "" },
    mode: "onTouched",
  });
  const mode = form.watch("mode");
  const partialCents = parseMoney(form.watch("amount"));
  const payingCents = mode === "full" ? amountDueCents : (partialCents ?? 0);
  const errors = form.formState.errors;
  // The server checks the amount against the bill again: its refusal is shown at the amount.
  const placeServerErrors = useServerErrors(form, { fieldNames: { amountCents: "amount" } });
  const amountError = errors.amount?.type === "server" ? t("errors.amountTooHigh", { max }) : errors.amount?.message;

  const pay = useMutation(
    trpc.bill.pay.mutationOptions({
      onSuccess(payment) {
        if (payment.status === "PENDING") return setOutcome({ kind: "pending" });
        if (payment.status === "UNKNOWN") {
          attempt.renew();
          setOutcome({ kind: "pending" });
          return router.refresh();
        }
        attempt.renew();
        if (payment.status === "SUCCEEDED") {
          setOutcome({ kind: "success", amountCents: payment.amountCents });
          form.reset({ mode: "full", amount: "", cardNumber: "", expiry: "", cvc: "" });
          router.refresh();
        } else {
          setOutcome({ kind: "declined", reason: tReasons(declineReasonKey(payment.failureReason)) });
          router.refresh();
        }
      },
      onError(error) {
        const failure = placeServerErrors(error);
        if (failure.placed.length) {
          attempt.renew();
          return setOutcome(null);
        }
        if (failure.code === "BAD_REQUEST" || failure.code === "CONFLICT") {
          attempt.renew();
          router.refresh();
        }
        setOutcome({ kind: "failed" });
      },
    }),
  );

  const onSubmit = form.handleSubmit((values) => {
    setOutcome(null);
    pay.mutate({
      billId,
      amountCents: values.mode === "full" ? amountDueCents : (parseMoney(values.amount) ?? undefined),
      idempotencyKey: attempt.key,
      paymentToken: tokenizeTestCard(values.cardNumber),
    });
  });

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl border border-brand-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-title`} className="flex items-center gap-2 text-lg font-semibold">
        <CreditCard aria-hidden="true" className="size-5 text-brand-700" />
        {t("title")}
      </h2>

      <div aria-live="polite" className="empty:hidden">
        {outcome?.kind === "success" && (
          <p role="status" className="mt-3 rounded-lg bg-emerald-50 p-3 font-medium text-emerald-900">
            {t("success", { amount: formatMoney(outcome.amountCents, currency, locale) })}
          </p>
        )}
        {outcome?.kind === "pending" && (
          <p role="status" className="mt-3 rounded-lg bg-amber-50 p-3 text-amber-900">
            {t("pending")}
          </p>
        )}
      </div>
      {outcome?.kind === "declined" && (
        <p role="alert" className="mt-3 rounded-lg bg-red-50 p-3 font-medium text-red-800">
          {t("declined", { reason: outcome.reason })}
        </p>
      )}
      {outcome?.kind === "failed" && (
        <p role="alert" className="mt-3 rounded-lg bg-red-50 p-3 font-medium text-red-800">
          {t("failed")}
        </p>
      )}

      <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
        <fieldset>
          <legend className="text-sm font-medium text-slate-900">{t("amountChoice")}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {(["full", "partial"] as const).map((option) => (
              <label
                key={option}
                className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-slate-300 px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
              >
                <input type="radio" value={option} {...form.register("mode")} className="size-4 accent-brand-600" />
                <span className="text-sm font-medium">
                  {option === "full" ? t("full", { amount: max }) : t("partial")}
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        {mode === "partial" && (
          <div>
            <label htmlFor={`${id}-amount`} className="block text-sm font-medium text-slate-900">
              {t("amountLabel")}
            </label>
            <p id={`${id}-amount-hint`} className="mt-1 text-xs text-slate-600">
              {t("amountHint", { max })}
            </p>
            <input
              id={`${id}-amount`}
              inputMode="decimal"
              autoComplete="off"
              {...form.register("amount")}
              aria-invalid={errors.amount ? true : undefined}
              aria-describedby={`${id}-amount-hint${errors.amount ? ` ${id}-amount-error` : ""}`}
              className={inputClass(Boolean(errors.amount))}
            />
            {amountError && (
              <p id={`${id}-amount-error`} className="mt-1.5 text-sm font-medium text-red-700">
                {amountError}
              </p>
            )}
          </div>
        )}

        <CardFields form={form} id={id} />

        <p className="flex gap-2 text-xs text-slate-600">
          <LockKeyhole aria-hidden="true" className="mt-px size-3.5 shrink-0" />
          {t("secureNote")}
        </p>
        <p className="rounded-lg bg-slate-50 p-2 text-xs text-slate-600">{t("testCards")}</p>

        <button
          type="submit"
          disabled={pay.isPending}
          aria-busy={pay.isPending}
          className="inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70 sm:w-auto"
        >
          {pay.isPending ? t("submitting") : t("submit", { amount: formatMoney(payingCents, currency, locale) })}
        </button>
      </form>
    </section>
  );
}
