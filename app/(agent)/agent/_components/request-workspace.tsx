"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Bot, CircleCheck, Headset, LoaderCircle, Lock, UserRound } from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatMoney, formatPhone } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { failureOf } from "../_lib/trpc-error";
import { PriorityBadge, SegmentBadge, StatusBadge } from "./badges";
import { CallError } from "./call-error";
import { Customer360 } from "./customer-360";
import { ReplyForm } from "./reply-form";
import { ResolveForm } from "./resolve-form";
import { SlaBadge } from "./sla-badge";

type AgentRequest = RouterOutputs["agent"]["request"];

/** How often an open request looks for the customer's new messages. */
const REQUEST_REFRESH_MS = 15_000;

function AssignmentBar({ request, meId }: { request: AgentRequest; meId: string | null }) {
  const t = useTranslations("agent.request");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [isTransferOpen, setIsTransferOpen] = useState(false);
  const [toAgentId, setToAgentId] = useState("");
  const [note, setNote] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.agent.pathFilter());
  const agents = useQuery({ ...trpc.agent.agents.queryOptions(), enabled: isTransferOpen });
  const claim = useMutation(trpc.agent.claim.mutationOptions({ onSuccess: () => setDone(t("claimed")), onSettled: refresh }));
  const release = useMutation(trpc.agent.release.mutationOptions({ onSuccess: () => setDone(t("released")), onSettled: refresh }));
  const transfer = useMutation(
    trpc.agent.transfer.mutationOptions({
      onSuccess: () => {
        setDone(t("transferred"));
        setIsTransferOpen(false);
        setNote("");
      },
      onSettled: refresh,
    }),
  );
  const isDone = request.status === "RESOLVED" || request.status === "CLOSED";
  const error = claim.error ?? release.error ?? transfer.error;

  return (
    <section aria-label={t("holder")} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="flex items-center gap-2 text-sm">
          <UserRound aria-hidden="true" className="size-4 text-slate-600" />
          <span className="text-slate-600">{t("holder")}:</span>
          <strong data-testid="request-holder">{request.assignedTo?.name ?? "—"}</strong>
        </p>
        {!isDone && (
          <div className="flex flex-wrap gap-2">
            {!request.assignedTo && (
              <button
                type="button"
                onClick={() => claim.mutate({ requestId: request.id })}
                disabled={claim.isPending}
                className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
              >
                {claim.isPending && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
                {t("claim")}
              </button>
            )}
            {request.assignedTo && (request.assignedTo.id === meId || request.isMine) && (
              <button
                type="button"
                onClick={() => release.mutate({ requestId: request.id })}
                disabled={release.isPending}
                className="min-h-11 rounded-lg border border-slate-300 px-4 font-medium hover:bg-slate-100 disabled:opacity-60"
              >
                {t("release")}
              </button>
            )}
            {request.assignedTo && (
              <button
                type="button"
                aria-expanded={isTransferOpen}
                aria-controls={`${id}-transfer`}
                onClick={() => setIsTransferOpen((open) => !open)}
                className="min-h-11 rounded-lg border border-slate-300 px-4 font-medium hover:bg-slate-100"
              >
                {t("transfer")}
              </button>
            )}
          </div>
        )}
      </div>
      {isTransferOpen && (
        <form
          id={`${id}-transfer`}
          className="mt-3 grid gap-3 border-t border-slate-100 pt-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            if (toAgentId) transfer.mutate({ requestId: request.id, toAgentId, note: note.trim() || undefined });
          }}
        >
          <div>
            <label htmlFor={`${id}-agent`} className="block text-sm font-medium">
              {t("transferTo")}
            </label>
            <select
              id={`${id}-agent`}
              required
              value={toAgentId}
              onChange={(event) => setToAgentId(event.target.value)}
              className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-2"
            >
              <option value="">{t("chooseAgent")}</option>
              {agents.data
                ?.filter((agent) => agent.id !== request.assignedTo?.id)
                .map((agent) => (
                  <option key={agent.id} value={agent.id}>
                    {agent.name}
                  </option>
                ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-note`} className="block text-sm font-medium">
              {t("transferNote")}
            </label>
            <input
              id={`${id}-note`}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              maxLength={2000}
              className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 px-3"
            />
          </div>
          <button
            type="submit"
            disabled={!toAgentId || transfer.isPending}
            className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {t("transferSubmit")}
          </button>
        </form>
      )}
      {error && (
        <div className="mt-3">
          <CallError error={error} />
        </div>
      )}
      {done && !error && (
        <p role="status" className="mt-2 text-sm font-medium text-emerald-800">
          {done}
        </p>
      )}
    </section>
  );
}

function Conversation({ request }: { request: AgentRequest }) {
  const t = useTranslations("agent.request");
  const format = useFormatter();
  if (request.messages.length === 0) return <p className="text-sm text-slate-600">{t("noMessages")}</p>;
  return (
    <ol className="space-y-3">
      {request.messages.map((message) => {
        const isAgent = message.authorKind === "AGENT";
        const Icon = message.authorKind === "SYSTEM" ? Bot : isAgent ? Headset : UserRound;
        const author =
          message.authorKind === "SYSTEM" ? t("authorSystem") : isAgent ? (message.author?.name ?? "—") : (message.author?.name ?? t("authorCustomer"));
        return (
          <li
            key={message.id}
            data-internal={message.internal ? "true" : undefined}
            className={`rounded-xl border p-3 ${
              message.internal ? "border-amber-300 bg-amber-50" : isAgent ? "ml-4 border-brand-100 bg-brand-50 sm:ml-10" : "mr-4 border-slate-200 bg-white sm:mr-10"
            }`}
          >
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-700">
              <Icon aria-hidden="true" className="size-3.5" />
              <span className="font-semibold text-slate-900">{author}</span>
              <time dateTime={message.createdAt.toISOString()}>{format.dateTime(message.createdAt, { dateStyle: "short", timeStyle: "short" })}</time>
              {message.internal && (
                <span className="inline-flex items-center gap-1 rounded-full bg-amber-200 px-2 py-0.5 font-semibold text-amber-950">
                  <Lock aria-hidden="true" className="size-3" />
                  {t("internalBadge")}
                </span>
              )}
            </p>
            <p className="mt-1 text-sm whitespace-pre-line break-words">{message.body}</p>
          </li>
        );
      })}
    </ol>
  );
}

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
        <p className="text-sm">{failureOf(request.error)?.message}</p>
      </div>
    );
  }
  const data = request.data;
  const isResolved = data.status === "RESOLVED" || data.status === "CLOSED";
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "short", timeStyle: "short" }) : t("request.notYet"));

  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="min-w-0 space-y-4">
        <Link href="/agent" className="inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
          <ArrowLeft aria-hidden="true" className="size-4" />
          {t("request.back")}
        </Link>
        <header className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <PriorityBadge priority={data.priority} />
            <StatusBadge status={data.status} />
            <SegmentBadge segment={data.segment} />
            <SlaBadge slaDueAt={data.slaDueAt} startedAt={data.escalatedAt ?? data.createdAt} firstResponseAt={data.firstResponseAt} isBreached={data.slaBreached} />
          </div>
          <h1 className="text-2xl font-bold tracking-tight break-words">
            {t("request.title", { number: data.number })}: {data.subject}
          </h1>
          <p className="text-sm text-slate-700">
            {t(`category.${data.category}`)} · {t("request.opened", { date: when(data.createdAt), channel: t(`channel.${data.channel}`) })}
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
              {data.resolutionCode && ` ${t.has(`resolution.${data.resolutionCode}` as "resolution.FIXED") ? t(`resolution.${data.resolutionCode}` as "resolution.FIXED") : data.resolutionCode}`}
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
        <Customer360 customerId={data.customer.id} requestId={data.id} billId={data.billId ?? null} meId={meId} isCompact />
      </aside>
    </div>
  );
}
