"use client";

import { useMutation } from "@tanstack/react-query";
import { CalendarClock, LoaderCircle } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { formatDate } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/react";

/** A phone number stays on one line. */
const nowrap = (chunks: ReactNode) => <span className="whitespace-nowrap">{chunks}</span>;

type Props = {
  change: { id: string; status: string; effectiveAt: Date; toTariff: { name: string; nameEn: string } };
  lineLabel: string;
  onCancelled: () => void;
};

/**
 * An open switch: scheduled for the next cycle, with a way to cancel it, or already with the
 * network (PROVISIONING), which only says that the switch is under way.
 */
export function PendingChange({ change, lineLabel, onCancelled }: Props) {
  const t = useTranslations("tariffs.pending");
  const locale = useLocale();
  const trpc = useTRPC();
  const [failed, setFailed] = useState(false);
  const cancel = useMutation(
    trpc.tariff.cancelChange.mutationOptions({
      onSuccess: onCancelled,
      onError: () => setFailed(true),
    }),
  );
  const tariff = locale === "en" ? change.toTariff.nameEn : change.toTariff.name;
  if (change.status === "PROVISIONING") {
    return (
      <section
        aria-labelledby="pending-title"
        aria-busy="true"
        className="rounded-2xl border border-sky-200 bg-sky-50 p-5"
      >
        <h2 id="pending-title" className="flex items-center gap-2 font-semibold">
          <LoaderCircle aria-hidden="true" className="size-5 animate-spin text-sky-700 motion-reduce:animate-none" />
          {t("provisioningTitle")}
        </h2>
        <p className="mt-1 text-slate-800">{t.rich("provisioningText", { line: lineLabel, tariff, nowrap })}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="pending-title" className="rounded-2xl border border-sky-200 bg-sky-50 p-5">
      <h2 id="pending-title" className="flex items-center gap-2 font-semibold">
        <CalendarClock aria-hidden="true" className="size-5 text-sky-700" />
        {t("title")}
      </h2>
      <p className="mt-1 text-slate-800">
        {t.rich("text", { line: lineLabel, tariff, date: formatDate(change.effectiveAt, locale), nowrap })}
      </p>
      {failed && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-800">
          {t("failed")}
        </p>
      )}
      <button
        type="button"
        disabled={cancel.isPending}
        aria-busy={cancel.isPending}
        onClick={() => {
          setFailed(false);
          cancel.mutate({ changeId: change.id });
        }}
        className="mt-3 inline-flex min-h-11 items-center rounded-lg border border-sky-300 bg-white px-4 font-medium text-sky-900 hover:bg-sky-100 disabled:cursor-wait disabled:opacity-70"
      >
        {cancel.isPending ? t("cancelling") : t("cancel")}
      </button>
    </section>
  );
}
