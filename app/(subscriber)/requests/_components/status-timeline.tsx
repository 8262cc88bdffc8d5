"use client";

import { useTranslations } from "next-intl";
import type { RequestDetailData } from "../_lib/request-types";
import { LocalTime } from "./local-time";

/** Every status the request went through, oldest first. */
export function StatusTimeline({ events: all }: { events: RequestDetailData["events"] }) {
  const t = useTranslations("requests");
  // Notes without a change of status (an SLA reminder) are for agents, not a step of the timeline.
  const events = all.filter((event, i) => i === 0 || event.status !== all[i - 1]!.status);
  return (
    <section aria-labelledby="timeline-title" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="timeline-title" className="text-sm font-medium text-slate-600">
        {t("detail.timelineTitle")}
      </h2>
      <ol className="mt-3 space-y-3 border-l-2 border-slate-200 pl-4" data-testid="status-timeline">
        {events.map((event, i) => (
          <li key={event.id} className="relative">
            <span
              aria-hidden="true"
              className={`absolute top-1.5 -left-[23px] size-3 rounded-full ring-2 ring-white ${i === events.length - 1 ? "bg-brand-600" : "bg-slate-400"}`}
            />
            <p className="text-sm font-medium text-slate-900">{t(`status.${event.status}`)}</p>
            <p className="text-xs text-slate-600">
              <LocalTime date={event.at} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
