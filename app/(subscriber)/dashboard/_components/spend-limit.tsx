"use client";

import { useMutation } from "@tanstack/react-query";
import { CircleAlert, Gauge } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatMoney, formatMoneyInput, readMoney } from "@/app/_lib/money";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import type { AccountLine } from "@/app/_trpc/types";

const BUTTON =
  "inline-flex min-h-11 items-center justify-center rounded-lg px-4 text-sm font-semibold disabled:cursor-wait";
const PRIMARY = `${BUTTON} bg-brand-600 text-white hover:bg-brand-700`;
const SECONDARY = `${BUTTON} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;

/** The largest cap the server takes: one million rubles (spend.schema.ts). */
const MAX_LIMIT_CENTS = 100_000_000;

type Reading = { ok: true; cents: number } | { ok: false; error: "empty" | "invalid" | "whole" | "tooLarge" };

/** The cap as typed: whole rubles ("1500", "1 500 ₽"), read by the app's money helper into kopecks. */
function readLimit(text: string): Reading {
  const reading = readMoney(text);
  if (!reading.ok)
    return {
      ok: false,
      error: reading.reason === "empty" ? "empty" : reading.reason === "tooLarge" ? "tooLarge" : "invalid",
    };
  if (reading.cents % 100 !== 0) return { ok: false, error: "whole" };
  if (reading.cents > MAX_LIMIT_CENTS) return { ok: false, error: "tooLarge" };
  return { ok: true, cents: reading.cents };
}

/**
 * The monthly cap on extras (add-ons and charges above the plan): what was spent of it this cycle
 * as a bar, the 80% / 100% alert, and setting, changing or removing it.
 */
export function SpendLimit({ line, currency, locale }: { line: AccountLine; currency: string; locale: string }) {
  const t = useTranslations("dashboard.spend");
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const { limitCents, spentCents, alert, barred } = line.spendLimit;
  const [isEditing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const setLimit = useMutation(trpc.line.setSpendLimit.mutationOptions());
  const money = (cents: number) => formatMoney(cents, currency, locale);

  async function save(next: number | null) {
    setError(null);
    try {
      await setLimit.mutateAsync({ lineId: line.id, limitCents: next });
      setEditing(false);
      router.refresh();
    } catch (failure) {
      const { code } = readTRPCError(failure);
      setError(code === "BAD_REQUEST" ? t("errors.invalid") : t("errors.failed"));
    }
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const reading = readLimit(text);
    if (!reading.ok) {
      setError(t(`errors.${reading.error}`));
      return;
    }
    void save(reading.cents);
  }

  const share = limitCents && spentCents !== null ? Math.min(100, Math.round((spentCents / limitCents) * 100)) : 100;
  return (
    <section aria-labelledby={`${id}-title`} data-testid="spend-limit" className="mt-4 border-t border-slate-100 pt-4">
      <h4 id={`${id}-title`} className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
        {t("title")}
      </h4>
      {limitCents === null ? (
        <p className="mt-1 text-sm text-slate-700">{t("none")}</p>
      ) : (
        <div className="mt-2">
          <p className="flex flex-wrap justify-between gap-x-3 text-sm text-slate-800">
            <span id={`${id}-label`}>{t("spentOf", { spent: money(spentCents ?? 0), limit: money(limitCents) })}</span>
          </p>
          <div
            role="meter"
            aria-labelledby={`${id}-label`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={share}
            className="mt-1.5 h-2 overflow-hidden rounded-full bg-slate-100"
          >
            <div
              className={`h-full rounded-full ${alert === 100 ? "bg-red-600" : alert === 80 ? "bg-amber-500" : "bg-brand-600"}`}
              style={{ width: `${share}%` }}
            />
          </div>
          {alert !== null && (
            <p
              role="status"
              data-testid="spend-alert"
              data-level={alert}
              className={`mt-2 flex items-start gap-2 rounded-lg p-3 text-sm font-medium ${alert === 100 ? "bg-red-50 text-red-900" : "bg-amber-50 text-amber-950"}`}
            >
              {alert === 100 ? (
                <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              ) : (
                <Gauge aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
              )}
              {alert === 100 ? t("reached") : t("nearly")}
            </p>
          )}
          {barred && <p className="mt-1 text-sm text-slate-700">{t("barred")}</p>}
        </div>
      )}
      {isEditing ? (
        <form onSubmit={submit} noValidate className="mt-3 space-y-3 rounded-xl bg-slate-50 p-4">
          <label className="block text-sm font-medium text-slate-800">
            {t("amount")}
            <input
              value={text}
              onChange={(event) => setText(event.target.value)}
              inputMode="numeric"
              autoComplete="off"
              aria-invalid={error !== null}
              aria-describedby={`${id}-hint`}
              className="mt-1 min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base"
            />
          </label>
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            {t("hint")}
          </p>
          {error && (
            <p role="alert" className="text-sm text-red-800">
              {error}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={PRIMARY} disabled={setLimit.isPending}>
              {t("save")}
            </button>
            <button type="button" className={SECONDARY} onClick={() => setEditing(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div className="mt-2 flex flex-wrap gap-2">
          <button
            type="button"
            className={SECONDARY}
            onClick={() => {
              setText(limitCents === null ? "" : formatMoneyInput(limitCents, locale));
              setError(null);
              setEditing(true);
            }}
          >
            {limitCents === null ? t("set") : t("change")}
          </button>
          {limitCents !== null && (
            <button type="button" className={SECONDARY} disabled={setLimit.isPending} onClick={() => void save(null)}>
              {t("remove")}
            </button>
          )}
        </div>
      )}
      {!isEditing && error && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
