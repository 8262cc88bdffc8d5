"use client";

import { useMutation } from "@tanstack/react-query";
import { BellRing, CircleCheck, LoaderCircle, RadioTower } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate, formatPhone } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";

export type MyIncident = RouterOutputs["incident"]["forMe"]["items"][number];

/** Times of an outage as the operator's clock shows them, the same on the server and the device. */
function when(date: Date, locale: string) {
  return formatDate(date, locale, {
    dateStyle: undefined,
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Moscow",
  });
}

/**
 * A network incident on the subscriber's lines: what is down, since when, the repair time, the
 * operator's message and which lines; "Notify me" subscribes to its updates (push and SMS). On the
 * request form (`fromIntake`) the same card is the answer instead of a request. `at`: when the
 * status was read, shown so a copy from the app's cache says how old it is.
 */
export function IncidentBanner({
  incident,
  at,
  fromIntake = false,
  onSubscribed,
}: {
  incident: MyIncident;
  at: Date;
  fromIntake?: boolean;
  onSubscribed?: () => void;
}) {
  const t = useTranslations("incidents");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [isSubscribed, setIsSubscribed] = useState(incident.isSubscribed);
  const subscribe = useMutation(
    trpc.incident.subscribe.mutationOptions({
      onSuccess: () => {
        setIsSubscribed(true);
        onSubscribed?.();
        router.refresh();
      },
    }),
  );
  const isActive = incident.status === "ACTIVE";
  const services = incident.services.map((service) => t(`service.${service}`)).join(", ");
  const lines = incident.lines.map((line) => (line.msisdn ? formatPhone(line.msisdn) : t("homeInternet"))).join(", ");

  return (
    <section
      aria-labelledby={`incident-${incident.id}`}
      data-testid="incident-banner"
      className={`rounded-2xl border p-4 sm:p-5 ${isActive ? "border-amber-300 bg-amber-50" : "border-emerald-300 bg-emerald-50"}`}
    >
      <h2
        id={`incident-${incident.id}`}
        className={`flex items-start gap-2 font-semibold ${isActive ? "text-amber-950" : "text-emerald-950"}`}
      >
        {isActive ? (
          <RadioTower aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
        ) : (
          <CircleCheck aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
        )}
        {isActive ? t("activeTitle", { services }) : t("resolvedTitle", { services })}
      </h2>
      <p className="mt-2 text-sm text-slate-800">{incident.message}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("since")}</dt>
        <dd className="text-slate-900 tabular-nums">{when(incident.startedAt, locale)}</dd>
        {incident.resolvedAt ? (
          <>
            <dt className="text-slate-600">{t("restored")}</dt>
            <dd className="text-slate-900 tabular-nums">{when(incident.resolvedAt, locale)}</dd>
          </>
        ) : (
          <>
            <dt className="text-slate-600">{t("eta")}</dt>
            <dd className="text-slate-900 tabular-nums">
              {incident.etaAt ? when(incident.etaAt, locale) : t("etaUnknown")}
            </dd>
          </>
        )}
        <dt className="text-slate-600">{t("lines")}</dt>
        <dd className="text-slate-900">{lines}</dd>
      </dl>
      {isActive &&
        (isSubscribed ? (
          <p className="mt-3 flex items-center gap-2 text-sm font-medium text-emerald-800" role="status">
            <BellRing aria-hidden="true" className="size-4" />
            {t("subscribed")}
          </p>
        ) : (
          <div className="mt-3">
            <button
              type="button"
              disabled={subscribe.isPending}
              onClick={() => subscribe.mutate({ incidentId: incident.id, fromIntake })}
              className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:bg-brand-500"
            >
              {subscribe.isPending ? (
                <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
              ) : (
                <BellRing aria-hidden="true" className="size-4" />
              )}
              {fromIntake ? t("notifyInstead") : t("notify")}
            </button>
            <p className="mt-1 text-xs text-slate-600">{t("notifyHint")}</p>
            {subscribe.isError && (
              <p role="alert" className="mt-1 text-sm font-medium text-red-700">
                {t("notifyFailed")}
              </p>
            )}
          </div>
        ))}
      <p className="mt-3 text-xs text-slate-600">{t("asOf", { time: when(at, locale) })}</p>
    </section>
  );
}
