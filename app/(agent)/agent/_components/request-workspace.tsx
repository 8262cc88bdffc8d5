"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, CircleCheck } from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatPhone } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { AssignmentBar } from "./assignment-bar";
import { PriorityBadge, SegmentBadge, StatusBadge } from "./badges";
import { Conversation } from "./conversation";
import { Customer360 } from "./customer-360";
import { ReplyForm } from "./reply-form";
import { ResolveForm } from "./resolve-form";
import { SlaBadge } from "./sla-badge";

/** How often an open request looks for the customer's new messages. */
const REQUEST_REFRESH_MS = 15_000;

/** One screen for one escalation: the request and its conversation beside everything about the customer. */
export function RequestWorkspace({ requestId, meId }: { requestId: string; meId: string | null }) {
  const t = useTranslations("agent");
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const request = useQuery(trpc.agent.request.queryOptions({ requestId }, { refetchInterval: REQUEST_REFRESH_MS }));

  if (request.isPending) {
    return (
      <div role="status" className="space-y-4">
        <span className="sr-only">{t("queue.refreshing")}</span>
        <div aria-hidden="true" className="h-40 animate-pulse rounded-2xl bg-slate-200" />
      </div>
    );
  }
  if (request.isError) {
    return (
      <div role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-4 text-red-900">
        <p className="font-medium">{t("request.loadError")}</p>
        <p className="text-sm">{readTRPCError(request.error).message}</p>
      </div>
    );
  }
  const data = request.data;
  const isResolved = data.status === "RESOLVED" || data.status === "CLOSED";
  const when = (date: Date | null) =>
    date ? format.dateTime(date, { dateStyle: "short", timeStyle: "short" }) : t("request.notYet");

  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="min-w-0 space-y-4">
        <Link
          href="/agent"
          className="inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
        >
          <ArrowLeft aria-hidden="true" className="size-4" />
          {t("request.back")}
        </Link>
        <header className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <PriorityBadge priority={data.priority} />
            <StatusBadge status={data.status} />
            <SegmentBadge segment={data.segment} />
            <SlaBadge
              slaDueAt={data.slaDueAt}
              startedAt={data.escalatedAt ?? data.createdAt}
              firstResponseAt={data.firstResponseAt}
              isBreached={data.slaBreached}
            />
          </div>
          <h1 className="text-2xl font-bold tracking-tight break-words">
            {t("request.title", { number: data.number })}: {data.subject}
          </h1>
          <p className="text-sm text-slate-700">
            {t(`category.${data.category}`)} ·{" "}
            {t("request.opened", { date: when(data.createdAt), channel: t(`channel.${data.channel}`) })}
            {data.line?.msisdn && ` · ${t("request.line")}: ${formatPhone(data.line.msisdn)}`}
          </p>
        </header>

        <AssignmentBar request={data} meId={meId} />

        <section className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
          <p className="text-sm whitespace-pre-line break-words">{data.description}</p>
          {data.disputedAmountCents !== null && data.disputedAmountCents !== undefined && (
            <p className="mt-2 text-sm">
              {t("request.disputed")}: <strong>{formatMoney(data.disputedAmountCents, "RUB", locale)}</strong>
            </p>
          )}
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer font-medium text-slate-800">
              {t("request.routing")}: {t(`decision.${data.routing.decision}`)}
            </summary>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
              {data.routing.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </details>
          <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-600">{t("request.claimedAt")}</dt>
              <dd>{when(data.claimedAt)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("request.firstResponse")}</dt>
              <dd>{when(data.firstResponseAt)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("request.resolvedAt")}</dt>
              <dd>{when(data.resolvedAt)}</dd>
            </div>
          </dl>
        </section>

        {isResolved && (
          <section role="status" className="rounded-2xl border border-emerald-200 bg-emerald-50 p-4 text-emerald-950">
            <p className="flex items-center gap-2 font-semibold">
              <CircleCheck aria-hidden="true" className="size-5" />
              {data.status === "CLOSED" ? t("resolve.closed") : t("resolve.alreadyResolved")}
              {data.resolutionCode &&
                ` ${t.has(`resolution.${data.resolutionCode}` as "resolution.FIXED") ? t(`resolution.${data.resolutionCode}` as "resolution.FIXED") : data.resolutionCode}`}
            </p>
            {data.resolutionNote && <p className="mt-1 text-sm">{data.resolutionNote}</p>}
          </section>
        )}

        <section aria-labelledby="conversation-title" className="space-y-3">
          <h2 id="conversation-title" className="text-lg font-semibold">
            {t("request.conversation")}
          </h2>
          <Conversation request={data} />
        </section>

        <ReplyForm requestId={data.id} customerLocale={data.customer.locale} isClosed={data.status === "CLOSED"} />
        {!isResolved && <ResolveForm requestId={data.id} />}

        <details className="rounded-2xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
          <summary className="cursor-pointer font-semibold">{t("request.history")}</summary>
          <ol className="mt-2 space-y-1">
            {data.events.map((event) => (
              <li key={event.id} className="flex flex-wrap gap-x-2">
                <time dateTime={event.at.toISOString()} className="text-slate-600 tabular-nums">
                  {format.dateTime(event.at, { dateStyle: "short", timeStyle: "short" })}
                </time>
                <span className="font-medium">{t(`status.${event.status}`)}</span>
                {event.actor && <span className="text-slate-700">· {event.actor.name}</span>}
                {event.note && <span className="text-slate-600">· {event.note}</span>}
              </li>
            ))}
          </ol>
        </details>
      </div>

      <aside aria-label={t("request.customerPanel")} className="min-w-0">
        <Customer360
          customerId={data.customer.id}
          requestId={data.id}
          billId={data.billId ?? null}
          meId={meId}
          isCompact
        />
      </aside>
    </div>
  );
}
