"use client";

import { AlarmClock, CircleCheck, TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { slaStateOf, splitDuration } from "../_lib/sla";
import { useNow } from "../_lib/use-now";

type SlaBadgeProps = {
  slaDueAt: Date | null;
  startedAt: Date;
  firstResponseAt: Date | null;
  /** Breached by the SLA watch even if the clock here says otherwise. */
  isBreached?: boolean;
};

/** The SLA countdown to the first response, amber near breach and red once breached. */
export function SlaBadge({ slaDueAt, startedAt, firstResponseAt, isBreached }: SlaBadgeProps) {
  const t = useTranslations("agent.sla");
  const format = useFormatter();
  const now = useNow(15_000);
  if (!now) {
    // Until the browser's clock is known: the due time itself, the same on server and client.
    return slaDueAt && !firstResponseAt ? (
      <span className="text-xs text-slate-700">
        {t("due", { time: format.dateTime(slaDueAt, { dateStyle: "short", timeStyle: "short" }) })}
      </span>
    ) : (
      <span className="text-xs text-slate-600">{slaDueAt ? t("label") : t("none")}</span>
    );
  }
  const { state, msLeft } = slaStateOf({ slaDueAt, startedAt, firstResponseAt, now });
  const shown = isBreached && (state === "OK" || state === "NEAR") ? "BREACHED" : state;

  const duration = (ms: number) => {
    const { days, hours, minutes } = splitDuration(ms);
    if (days > 0) return t("days", { days, hours });
    if (hours > 0) return t("hours", { hours, minutes: String(minutes).padStart(2, "0") });
    return t("minutes", { minutes });
  };

  switch (shown) {
    case "NONE":
      return <span className="text-xs text-slate-600">{t("none")}</span>;
    case "MET":
      return (
        <span className="inline-flex items-center gap-1 text-xs font-medium text-emerald-800" data-sla="met">
          <CircleCheck aria-hidden="true" className="size-3.5" />
          {t("met")}
        </span>
      );
    case "LATE_RESPONSE":
      return (
        <span className="inline-flex items-center gap-1 text-xs font-medium text-red-800" data-sla="late">
          <TriangleAlert aria-hidden="true" className="size-3.5" />
          {t("lateResponse")}
        </span>
      );
    case "BREACHED":
      return (
        <span
          className="inline-flex items-center gap-1 rounded-md bg-red-600 px-2 py-0.5 text-xs font-semibold text-white"
          data-sla="breached"
        >
          <TriangleAlert aria-hidden="true" className="size-3.5" />
          {t("overdue", { time: duration(msLeft ?? 0) })}
        </span>
      );
    case "NEAR":
      return (
        <span
          className="inline-flex items-center gap-1 rounded-md bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300"
          data-sla="near"
        >
          <AlarmClock aria-hidden="true" className="size-3.5" />
          {t("left", { time: duration(msLeft ?? 0) })}
        </span>
      );
    case "OK":
      return (
        <span className="inline-flex items-center gap-1 text-xs font-medium text-slate-700" data-sla="ok">
          <AlarmClock aria-hidden="true" className="size-3.5" />
          {t("left", { time: duration(msLeft ?? 0) })}
        </span>
      );
  }
}
