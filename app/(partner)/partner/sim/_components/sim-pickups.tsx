"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, LoaderCircle } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { formatDate, formatPhone } from "@/app/_lib/format";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";

const BUTTON =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 text-sm font-semibold disabled:cursor-wait";
const PRIMARY = `${BUTTON} bg-brand-600 text-white hover:bg-brand-700`;
const SECONDARY = `${BUTTON} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;
const INPUT = "mt-1 min-h-11 w-full rounded-lg border border-slate-300 px-3 text-base";

type Pickup = RouterOutputs["partner"]["simReplacements"]["list"]["items"][number];

/** The physical SIMs waiting at this dealer point; handing one over switches the customer's number to it. */
export function SimPickups() {
  const t = useTranslations("partner.sim");
  const trpc = useTRPC();
  const list = useQuery(trpc.partner.simReplacements.list.queryOptions());
  const [handedOver, setHandedOver] = useState<string[]>([]);
  if (list.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 text-slate-700">
        <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
        {t("loading")}
      </p>
    );
  }
  if (list.isError) {
    return (
      <div role="alert" className="space-y-2">
        <p className="text-red-800">{t("loadFailed")}</p>
        <button type="button" className={SECONDARY} onClick={() => list.refetch()}>
          {t("retry")}
        </button>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {handedOver.length > 0 && (
        <p role="status" className="flex items-center gap-2 rounded-xl bg-emerald-50 p-3 text-emerald-900">
          <CheckCircle2 aria-hidden="true" className="size-5 shrink-0" />
          {t("handedOver", { msisdn: handedOver[handedOver.length - 1]! })}
        </p>
      )}
      {list.data.items.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-slate-700 shadow-sm">{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {list.data.items.map((pickup) => (
            <PickupCard
              key={pickup.id}
              pickup={pickup}
              onDone={() => setHandedOver((done) => [...done, formatPhone(pickup.msisdn ?? "")])}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function PickupCard({ pickup, onDone }: { pickup: Pickup; onDone: () => void }) {
  const t = useTranslations("partner.sim");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const complete = useMutation(trpc.partner.simReplacements.complete.mutationOptions());
  const [isOpen, setIsOpen] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const title = `${pickup.customerName}, ${pickup.msisdn ? formatPhone(pickup.msisdn) : ""}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrors({});
    setFailure(null);
    try {
      await complete.mutateAsync({
        replacementId: pickup.id,
        iccid: String(form.get("iccid") ?? ""),
        documentLast4: String(form.get("documentLast4") ?? ""),
        identityChecked: form.get("identityChecked") === "on",
      } as Parameters<typeof complete.mutateAsync>[0]);
      onDone();
      await queryClient.invalidateQueries(trpc.partner.simReplacements.list.queryFilter());
    } catch (error) {
      const { code, fields } = readTRPCError(error);
      const next: Record<string, string> = {};
      if (fields.iccid) next.iccid = t("iccidInvalid");
      if (fields.documentLast4) next.documentLast4 = t("documentMismatch");
      if (fields.identityChecked) next.identityChecked = t("identityRequired");
      setErrors(next);
      if (Object.keys(next).length === 0) setFailure(code === "CONFLICT" ? t("alreadyDone") : t("failed"));
    }
  }

  return (
    <li className="rounded-xl bg-white p-4 shadow-sm">
      <p className="font-semibold text-slate-900">{title}</p>
      <p className="text-sm text-slate-600">{t("orderedAt", { date: formatDate(pickup.createdAt, locale) })}</p>
      {!isOpen ? (
        <button type="button" className={`${PRIMARY} mt-3`} onClick={() => setIsOpen(true)}>
          {t("handOver")}
        </button>
      ) : (
        <form aria-label={t("formTitle", { name: title })} onSubmit={submit} className="mt-3 space-y-3" noValidate>
          <label className="block text-sm font-medium text-slate-800">
            {t("iccid")}
            <input
              name="iccid"
              inputMode="numeric"
              autoComplete="off"
              className={INPUT}
              aria-invalid={!!errors.iccid}
              aria-describedby={`${pickup.id}-iccid-hint`}
            />
            <span id={`${pickup.id}-iccid-hint`} className="mt-1 block text-xs font-normal text-slate-600">
              {t("iccidHint")}
            </span>
            {errors.iccid && <span className="mt-1 block text-sm text-red-800">{errors.iccid}</span>}
          </label>
          <label className="block text-sm font-medium text-slate-800">
            {t("documentLast4")}
            <input
              name="documentLast4"
              inputMode="numeric"
              maxLength={4}
              autoComplete="off"
              className={INPUT}
              aria-invalid={!!errors.documentLast4}
            />
            {errors.documentLast4 && <span className="mt-1 block text-sm text-red-800">{errors.documentLast4}</span>}
          </label>
          <label className="flex min-h-11 items-start gap-3 text-sm text-slate-800">
            <input name="identityChecked" type="checkbox" className="mt-1 size-4" />
            <span>
              {t("identityChecked")}
              {errors.identityChecked && <span className="block text-red-800">{errors.identityChecked}</span>}
            </span>
          </label>
          {failure && (
            <p role="alert" className="text-sm text-red-800">
              {failure}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={PRIMARY} disabled={complete.isPending}>
              {t("confirm")}
            </button>
            <button type="button" className={SECONDARY} onClick={() => setIsOpen(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
