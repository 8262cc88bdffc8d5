"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Repeat } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { cardBrandName } from "@/app/_lib/card-brand";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { tokenizeTestCard } from "../_lib/test-card-tokenizer";
import { CardFields, useCardSchema, type CardValues } from "./card-fields";

type Autopay = { enabled: boolean; card: { brand: string; last4: string } | null };
type Notice = "enabled" | "disabled" | "declined" | "failed" | null;

/**
 * Autopay on the bills page: a card saved through the provider (the number is turned into a token
 * in the browser) pays each new bill on its issue date; off at any time. Enabling and disabling are
 * safe to repeat, so a retried call changes nothing twice.
 */
export function AutopayCard({ initial }: { initial: Autopay }) {
  const t = useTranslations("bills.autopay");
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [autopay, setAutopay] = useState(initial);
  const [notice, setNotice] = useState<Notice>(null);
  const [isEditing, setIsEditing] = useState(false);
  const form = useForm<CardValues>({
    resolver: zodResolver(useCardSchema()),
    defaultValues: { cardNumber: "", expiry: "", cvc: "" },
    mode: "onTouched",
  });

  const enable = useMutation(
    trpc.autopay.enable.mutationOptions({
      onSuccess(next) {
        setAutopay(next);
        setNotice("enabled");
        setIsEditing(false);
        form.reset();
        router.refresh();
      },
      onError(error) {
        // The server's one refusal of a well-formed card is the bank's: said in the reader's language.
        setNotice(readTRPCError(error).code === "BAD_REQUEST" ? "declined" : "failed");
      },
    }),
  );
  const disable = useMutation(
    trpc.autopay.disable.mutationOptions({
      onSuccess(next) {
        setAutopay(next);
        setNotice("disabled");
      },
      onError() {
        setNotice("failed");
      },
    }),
  );

  const onSubmit = form.handleSubmit((values) => {
    setNotice(null);
    enable.mutate({ cardToken: tokenizeTestCard(values.cardNumber) });
  });
  const card = autopay.card ? `${cardBrandName(autopay.card.brand)} •${autopay.card.last4}` : "";

  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid="autopay"
      className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={`${id}-title`} className="flex items-center gap-2 text-lg font-semibold">
        <Repeat aria-hidden="true" className="size-5 text-brand-700" />
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-700" data-testid="autopay-state">
        {autopay.enabled ? t("on", { card }) : t("off")}
      </p>

      <div aria-live="polite" className="empty:hidden">
        {(notice === "enabled" || notice === "disabled") && (
          <p role="status" className="mt-3 rounded-lg bg-emerald-50 p-3 font-medium text-emerald-900">
            {t(notice)}
          </p>
        )}
      </div>
      {(notice === "declined" || notice === "failed") && (
        <p role="alert" className="mt-3 rounded-lg bg-red-50 p-3 font-medium text-red-800">
          {t(notice)}
        </p>
      )}

      {autopay.enabled && !isEditing ? (
        <div className="mt-4 flex flex-wrap gap-3">
          <button
            type="button"
            onClick={() => {
              setNotice(null);
              disable.mutate();
            }}
            disabled={disable.isPending}
            aria-busy={disable.isPending}
            className="inline-flex min-h-12 items-center rounded-lg border border-slate-300 px-5 font-semibold hover:bg-slate-100 disabled:cursor-wait disabled:opacity-70"
          >
            {disable.isPending ? t("disabling") : t("disable")}
          </button>
          <button
            type="button"
            onClick={() => setIsEditing(true)}
            className="inline-flex min-h-12 items-center rounded-lg px-3 font-medium text-brand-700 hover:underline"
          >
            {t("changeCard")}
          </button>
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
          <CardFields form={form} id={id} />
          <p className="rounded-lg bg-slate-50 p-2 text-xs text-slate-600">{t("testCards")}</p>
          <button
            type="submit"
            disabled={enable.isPending}
            aria-busy={enable.isPending}
            className="inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70 sm:w-auto"
          >
            {enable.isPending ? t("enabling") : t("enable")}
          </button>
        </form>
      )}
    </section>
  );
}
