"use client";

import { useQuery } from "@tanstack/react-query";
import { RadioTower } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/app/_trpc/react";

/**
 * The queue's incident groups: each ongoing network incident with requests waiting for a person
 * is one card instead of one row per request; "Show its requests" narrows the queue to them.
 */
export function QueueIncidentGroups({
  selectedId,
  onSelect,
  refetchInterval,
}: {
  selectedId?: string;
  onSelect: (incidentId: string | undefined) => void;
  refetchInterval: number;
}) {
  const t = useTranslations("agent.incidents");
  const format = useFormatter();
  const trpc = useTRPC();
  const incidents = useQuery(trpc.agent.incidents.queryOptions({}, { refetchInterval }));
  const all = incidents.data?.items ?? [];
  const selected = all.find((incident) => incident.id === selectedId);
  if (selectedId) {
    return (
      <div className="flex flex-wrap items-center gap-3 rounded-2xl border border-amber-300 bg-amber-50 p-3 text-sm">
        <p className="text-amber-950">{t("filtered", { number: selected?.number ?? "…" })}</p>
        <button
          type="button"
          onClick={() => onSelect(undefined)}
          className="min-h-11 rounded-lg bg-white px-4 font-medium ring-1 ring-amber-300 hover:bg-amber-100"
        >
          {t("showAll")}
        </button>
      </div>
    );
  }
  const waiting = all.filter((incident) => incident.inQueue > 0);
  if (!waiting.length) return null;
  return (
    <section aria-labelledby="queue-incidents" className="space-y-2">
      <h2 id="queue-incidents" className="flex items-center gap-2 text-base font-semibold">
        <RadioTower aria-hidden="true" className="size-5 text-amber-700" />
        {t("queueTitle")}
      </h2>
      <ul className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        {waiting.map((incident) => (
          <li
            key={incident.id}
            data-testid={`queue-incident-${incident.number}`}
            className="rounded-2xl border border-amber-300 bg-amber-50 p-4 text-sm shadow-sm"
          >
            <p className="font-semibold text-amber-950">
              {t("queueGroup", { number: incident.number, count: incident.inQueue })}
            </p>
            <p className="mt-1 text-slate-700">
              {t("queueGroupServices", {
                services: incident.services.map((service) => t(`service.${service}`)).join(", "),
                since: format.dateTime(incident.startedAt, {
                  day: "numeric",
                  month: "short",
                  hour: "2-digit",
                  minute: "2-digit",
                }),
              })}
              {" · "}
              {t("attached", { count: incident.attachedRequests, open: incident.openAttachedRequests })}
            </p>
            <button
              type="button"
              onClick={() => onSelect(incident.id)}
              className="mt-2 min-h-11 rounded-lg bg-white px-4 font-medium ring-1 ring-amber-300 hover:bg-amber-100"
            >
              {t("showRequests")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
