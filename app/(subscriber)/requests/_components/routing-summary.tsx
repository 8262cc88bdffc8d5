"use client";

import { Clock, Route, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import type { RequestDetailData } from "../_lib/request-types";
import { LocalText } from "./local-time";

const WAITING_FOR_US = new Set(["QUEUED", "ASSIGNED", "IN_PROGRESS", "REOPENED"]);

/** Who handles the request, by when we answer, and why: the routing decision in words. */
export function RoutingSummary({ request }: { request: RequestDetailData }) {
  const t = useTranslations("requests");
  const { routing } = request;
  const due = routing.slaDueAt;
  const isWaiting = WAITING_FOR_US.has(request.status) && !request.firstResponseAt;
  const isLate = isWaiting && due !== null && new Date(due).getTime() < Date.now();

  // The server words the reasons for the subscriber, in their language (never the agents' wording).
  const reasons = routing.reasons;

  return (
    <section aria-labelledby="route-title" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="route-title" className="flex items-center gap-2 text-sm font-medium text-slate-600">
        <Route aria-hidden="true" className="size-4" />
        {t("detail.routeTitle")}
      </h2>
      <p className="mt-2 text-lg font-semibold">{t(`decision.${routing.decision}`)}</p>
      {request.assignedAgentName && routing.decision !== "SELF_SERVICE" && (
        <p className="mt-1 flex items-center gap-1.5 text-sm text-slate-700">
          <UserRound aria-hidden="true" className="size-4" />
          {routing.decision === "PERSONAL_MANAGER"
            ? t("detail.manager", { name: request.assignedAgentName })
            : t("detail.agent", { name: request.assignedAgentName })}
        </p>
      )}
      {isWaiting && due && (
        <p
          data-testid="sla-promise"
          className={`mt-3 flex items-start gap-2 rounded-lg p-3 text-sm font-medium ${isLate ? "bg-red-50 text-red-800" : "bg-brand-50 text-brand-800"}`}
        >
          <Clock aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <LocalText date={due}>
            {(time) => (isLate ? t("detail.promiseLate", { time }) : t("detail.promise", { time }))}
          </LocalText>
        </p>
      )}
      {request.firstResponseAt && (
        <p className="mt-3 text-sm text-slate-700">
          <LocalText date={request.firstResponseAt}>{(time) => t("detail.answeredAt", { time })}</LocalText>
        </p>
      )}
      <h3 className="mt-4 text-xs font-semibold tracking-wide text-slate-600 uppercase">{t("detail.whyTitle")}</h3>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="routing-reasons">
        {reasons.filter(Boolean).map((reason, i) => (
          <li key={i} suppressHydrationWarning>
            {reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
