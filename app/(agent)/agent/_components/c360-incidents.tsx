"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RadioTower } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatPhone } from "@/app/_lib/format";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { AGENT_BUTTON } from "./confirmed-action";

type AgentIncident = RouterOutputs["agent"]["incidents"]["items"][number];

const OPEN = ["NEW", "SELF_SERVICE", "QUEUED", "ASSIGNED", "IN_PROGRESS", "WAITING_CUSTOMER", "REOPENED"];

/**
 * Network incidents touching the customer's lines, in the 360 view (agent.incidents): what is
 * down, since when, the repair time, how many requests joined it. On a request's page the agent
 * can attach that request to one of them (agent.attachToIncident, audited). Nothing is shown
 * when no incident touches the customer.
 */
export function IncidentsCard({ customerId, requestId }: { customerId: string; requestId?: string }) {
  const t = useTranslations("agent.incidents");
  const trpc = useTRPC();
  const incidents = useQuery(trpc.agent.incidents.queryOptions({ customerId }));
  const request = useQuery({
    ...trpc.agent.request.queryOptions({ requestId: requestId ?? "" }),
    enabled: !!requestId,
  });

  if (incidents.isPending || !incidents.data?.items.length) {
    if (!incidents.isError) return null;
    return (
      <p role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
        {t("loadFailed")}
      </p>
    );
  }
  const canAttach = request.data && OPEN.includes(request.data.status);
  return (
    <section
      aria-labelledby="c360-incidents"
      data-testid="c360-incidents"
      className="rounded-2xl border border-amber-300 bg-amber-50 p-4 text-sm shadow-sm"
    >
      <h2 id="c360-incidents" className="flex items-center gap-2 text-base font-semibold text-amber-950">
        <RadioTower aria-hidden="true" className="size-5" />
        {t("title")}
      </h2>
      <ul className="mt-2 space-y-3">
        {incidents.data.items.map((incident) => (
          <IncidentItem
            key={incident.id}
            incident={incident}
            requestId={canAttach ? requestId : undefined}
            isAttached={request.data?.incidentId === incident.id}
          />
        ))}
      </ul>
    </section>
  );
}

function IncidentItem({
  incident,
  requestId,
  isAttached,
}: {
  incident: AgentIncident;
  requestId?: string;
  isAttached: boolean;
}) {
  const t = useTranslations("agent.incidents");
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const attach = useMutation(
    trpc.agent.attachToIncident.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.agent.pathFilter()),
    }),
  );
  const time = (date: Date) =>
    format.dateTime(date, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const services = incident.services.map((service) => t(`service.${service}`)).join(", ");
  return (
    <li data-testid={`c360-incident-${incident.number}`} className="rounded-xl bg-white p-3 ring-1 ring-amber-200">
      <p className="font-medium text-slate-900">
        {t("heading", { number: incident.number, services })}{" "}
        <span className={incident.status === "ACTIVE" ? "text-red-800" : "text-emerald-800"}>
          · {t(`status.${incident.status}`)}
        </span>
      </p>
      <p className="mt-1 text-slate-700">{locale === "en" ? incident.message.en : incident.message.ru}</p>
      <p className="mt-1 text-slate-600">
        {incident.resolvedAt
          ? t("resolvedWindow", { since: time(incident.startedAt), until: time(incident.resolvedAt) })
          : incident.etaAt
            ? t("activeWithEta", { since: time(incident.startedAt), eta: time(incident.etaAt) })
            : t("active", { since: time(incident.startedAt) })}
      </p>
      <p className="mt-1 text-slate-600">
        {t("lines", {
          lines: incident.lines.map((line) => (line.msisdn ? formatPhone(line.msisdn) : t("homeInternet"))).join(", "),
        })}
        {" · "}
        {t("attached", { count: incident.attachedRequests, open: incident.openAttachedRequests })}
      </p>
      {isAttached ? (
        <p className="mt-2 font-medium text-emerald-800">{t("thisRequestAttached")}</p>
      ) : requestId && incident.status === "ACTIVE" ? (
        <div className="mt-2">
          <button
            type="button"
            disabled={attach.isPending}
            onClick={() => attach.mutate({ requestId, incidentId: incident.id })}
            className={`${AGENT_BUTTON} bg-amber-700 text-white hover:bg-amber-800 disabled:opacity-60`}
          >
            {attach.isPending ? t("attaching") : t("attach")}
          </button>
          {attach.isError && (
            <p role="alert" className="mt-1 text-red-800">
              {readTRPCError(attach.error).code === "CONFLICT" ? t("attachConflict") : t("attachFailed")}
            </p>
          )}
        </div>
      ) : null}
    </li>
  );
}
