"use client";

import { CircleCheck, Info } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { IncidentBanner, type MyIncident } from "@/app/_components/incident-banner";

/**
 * The request form's answer to a fault the network already reported: the outage first, with
 * "Notify me instead" (a self-served contact, deflected by the incident) or "File a request
 * anyway" (the request then joins the outage instead of queuing for an agent).
 */
export function KnownOutage({
  incidents,
  at,
  onFileAnyway,
}: {
  incidents: MyIncident[];
  at: Date;
  onFileAnyway: () => void;
}) {
  const t = useTranslations("incidents");
  const [isDeflected, setIsDeflected] = useState(false);
  if (isDeflected) {
    return (
      <section
        aria-labelledby="outage-deflected"
        data-testid="outage-deflected"
        className="rounded-2xl border border-emerald-300 bg-emerald-50 p-4 sm:p-6"
      >
        <h2 id="outage-deflected" className="flex items-center gap-2 text-lg font-semibold text-emerald-950">
          <CircleCheck aria-hidden="true" className="size-5" />
          {t("deflectedTitle")}
        </h2>
        <p className="mt-2 text-sm text-slate-800">{t("deflectedText")}</p>
        <Link
          href="/dashboard"
          className="mt-4 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700"
        >
          {t("toDashboard")}
        </Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="known-outage" className="space-y-3">
      <div className="flex gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <Info aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-brand-700" />
        <div>
          <h2 id="known-outage" className="text-lg font-semibold">
            {t("intakeTitle")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("intakeText")}</p>
        </div>
      </div>
      {incidents.map((incident) => (
        <IncidentBanner
          key={incident.id}
          incident={{ ...incident, isSubscribed: false }}
          at={at}
          fromIntake
          onSubscribed={() => setIsDeflected(true)}
        />
      ))}
      <button
        type="button"
        onClick={onFileAnyway}
        className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-semibold text-brand-700 hover:bg-brand-50"
      >
        {t("fileAnyway")}
      </button>
    </section>
  );
}
