"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  ArrowLeft,
  ArrowRight,
  CheckCircle2,
  CircleAlert,
  Headset,
  LoaderCircle,
  RadioTower,
  Star,
} from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatPhone } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import { useTRPC } from "@/app/_trpc/react";
import type { RequestDetailData } from "../_lib/request-types";
import { ArticleCard } from "./article-card";
import { Conversation } from "./conversation";
import { LocalText } from "./local-time";
import { RoutingSummary } from "./routing-summary";
import { StatusBadge } from "./status-badge";
import { StatusTimeline } from "./status-timeline";

const primaryButton =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:bg-brand-500";
const secondaryButton =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 font-semibold text-slate-800 hover:bg-slate-50 disabled:cursor-wait";
const WAITING_FOR_AGENT = new Set(["QUEUED", "ASSIGNED", "IN_PROGRESS", "REOPENED"]);

/** One request: what it is about, who handles it and by when, the conversation and the timeline. */
export function RequestDetail({ initial }: { initial: RequestDetailData }) {
  const tIncidents = useTranslations("incidents");
  const t = useTranslations("requests");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...trpc.request.byId.queryOptions({ id: initial.id }),
    initialData: initial,
    // While a person owes an answer, look for it now and then.
    refetchInterval: (current) => (WAITING_FOR_AGENT.has(current.state.data?.status ?? "") ? 30_000 : false),
  });
  const request = query.data;

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.request.byId.queryKey({ id: request.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.request.list.pathKey() }),
    ]);
  };
  const options = { onSuccess: refresh };
  const markSolved = useMutation(trpc.request.markSolved.mutationOptions(options));
  const escalate = useMutation(trpc.request.escalate.mutationOptions(options));
  const rate = useMutation(trpc.request.rate.mutationOptions(options));
  const reopen = useMutation(trpc.request.reopen.mutationOptions(options));
  const [isAskingPerson, setIsAskingPerson] = useState(false);
  const [personComment, setPersonComment] = useState("");
  const [reopenComment, setReopenComment] = useState("");
  const isSelfService = request.status === "SELF_SERVICE";
  const failed = markSolved.isError || escalate.isError || rate.isError || reopen.isError;

  const solveButton = (articleId?: string) => (
    <button
      type="button"
      disabled={markSolved.isPending}
      onClick={() => markSolved.mutate({ requestId: request.id, articleId })}
      className={primaryButton}
    >
      {markSolved.isPending ? (
        <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />
      ) : (
        <CheckCircle2 aria-hidden="true" className="size-5" />
      )}
      {t("detail.solved")}
    </button>
  );

  return (
    <div className="space-y-6">
      <Link
        href="/requests"
        className="inline-flex min-h-10 items-center gap-1.5 text-sm font-medium text-brand-700 hover:text-brand-800"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("detail.back")}
      </Link>

      <header>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
          <span className="font-semibold text-slate-800 tabular-nums">{t("number", { number: request.number })}</span>
          <span>{t(`category.${request.category}`)}</span>
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight break-words sm:text-3xl">{request.subject}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-slate-700">
          <StatusBadge status={request.status} />
          <LocalText date={request.createdAt}>
            {(date) =>
              `${t("detail.opened", { date })} ${t("detail.via", { channel: t(`channel.${request.channel}`) })}`
            }
          </LocalText>
          {request.line && (
            <span>
              {t("detail.requestLine", {
                line: request.line.msisdn ? formatPhone(request.line.msisdn) : t("new.lineHome"),
              })}
            </span>
          )}
          {request.disputedAmountCents !== null && (
            <span>{t("detail.disputed", { amount: formatMoney(request.disputedAmountCents, "RUB", locale) })}</span>
          )}
        </div>
      </header>

      {request.incident && (
        <p
          data-testid="request-incident"
          className="flex gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <RadioTower aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
          {request.incident.status === "ACTIVE"
            ? tIncidents("joined", { number: request.incident.number })
            : tIncidents("joinedResolved", { number: request.incident.number })}
        </p>
      )}

      {failed && (
        <div role="alert" className="flex gap-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
          <p>{t("detail.actionError")}</p>
        </div>
      )}

      {/* Phones: who handles it and by when comes first (after the self-service offer, while there
          is one); from lg up it sits beside the conversation with the timeline under it. */}
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:grid-rows-[auto_1fr] lg:items-start">
        <div className={`lg:col-start-2 lg:row-start-1 ${isSelfService ? "order-2" : "order-1"}`}>
          <RoutingSummary request={request} />
        </div>
        <div
          className={`min-w-0 space-y-6 lg:col-start-1 lg:row-span-2 lg:row-start-1 ${isSelfService ? "order-1" : "order-2"}`}
        >
          {request.status === "SELF_SERVICE" && (
            <section
              aria-labelledby="self-service-title"
              className="rounded-2xl border border-sky-200 bg-sky-50/60 p-5"
            >
              <h2 id="self-service-title" className="text-lg font-semibold text-slate-900">
                {t("detail.selfServiceTitle")}
              </h2>
              <p className="mt-1 text-sm text-slate-700">{t("detail.selfServiceText")}</p>
              {request.actions.length > 0 && (
                <ul className="mt-4 flex flex-wrap gap-2" aria-label={t("detail.actionsTitle")}>
                  {request.actions.map((action) => (
                    <li key={action.kind}>
                      <Link href={action.href} className={secondaryButton}>
                        {t(`detail.action.${action.kind}`)}
                        <ArrowRight aria-hidden="true" className="size-4" />
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              <ul className="mt-4 space-y-2">
                {request.suggestedArticles.map((article) => (
                  <li key={article.id}>
                    <ArticleCard article={article} requestId={request.id} solveAction={solveButton(article.id)} />
                  </li>
                ))}
              </ul>
              <div className="mt-5 flex flex-col gap-2 sm:flex-row">
                {solveButton()}
                <button
                  type="button"
                  aria-expanded={isAskingPerson}
                  aria-controls="ask-person"
                  onClick={() => setIsAskingPerson((value) => !value)}
                  className={secondaryButton}
                >
                  <Headset aria-hidden="true" className="size-5" />
                  {t("detail.needPerson")}
                </button>
              </div>
              {isAskingPerson && (
                <form
                  id="ask-person"
                  className="mt-4 rounded-xl border border-slate-200 bg-white p-4"
                  onSubmit={(event) => {
                    event.preventDefault();
                    escalate.mutate({ requestId: request.id, comment: personComment.trim() || undefined });
                  }}
                >
                  <label htmlFor="person-comment" className="block text-sm font-medium text-slate-900">
                    {t("detail.needPersonComment")}
                  </label>
                  <textarea
                    id="person-comment"
                    rows={3}
                    maxLength={4000}
                    value={personComment}
                    onChange={(event) => setPersonComment(event.target.value)}
                    className="mt-1.5 block w-full rounded-lg border border-slate-400 px-3 py-2 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none"
                  />
                  <div className="mt-3 flex flex-wrap gap-2">
                    <button type="submit" disabled={escalate.isPending} className={primaryButton}>
                      {escalate.isPending && <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />}
                      {t("detail.needPersonSubmit")}
                    </button>
                    <button type="button" onClick={() => setIsAskingPerson(false)} className={secondaryButton}>
                      {t("detail.cancel")}
                    </button>
                  </div>
                </form>
              )}
            </section>
          )}

          {(request.status === "RESOLVED" || request.status === "CLOSED") && (
            <p
              role="status"
              className="flex items-center gap-2 rounded-xl bg-emerald-50 p-4 font-medium text-emerald-900"
            >
              <CheckCircle2 aria-hidden="true" className="size-5 shrink-0" />
              {request.deflected ? (
                t("detail.solvedNote")
              ) : request.resolvedAt ? (
                <LocalText date={request.resolvedAt} style="date">
                  {(date) => t("detail.doneNote", { date })}
                </LocalText>
              ) : (
                t(`status.${request.status}`)
              )}
            </p>
          )}

          {request.can.rate && (
            <section
              aria-labelledby="rate-title"
              className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
            >
              <h2 id="rate-title" className="font-semibold">
                {t("detail.rateTitle")}
              </h2>
              <div role="radiogroup" aria-label={t("detail.rateLabel")} className="mt-2 flex gap-1">
                {[1, 2, 3, 4, 5].map((score) => {
                  const isOn = (request.csat ?? 0) >= score;
                  return (
                    <button
                      key={score}
                      type="button"
                      role="radio"
                      aria-checked={request.csat === score}
                      aria-label={t("detail.star", { count: score })}
                      disabled={rate.isPending}
                      onClick={() => rate.mutate({ requestId: request.id, score })}
                      className="touch-target grid place-items-center rounded-lg hover:bg-amber-50"
                    >
                      <Star
                        aria-hidden="true"
                        className={`size-7 ${isOn ? "fill-amber-400 text-amber-500" : "text-slate-400"}`}
                      />
                    </button>
                  );
                })}
              </div>
              {request.csat !== null && (
                <p role="status" className="mt-2 text-sm text-slate-700">
                  {t("detail.rated")}
                </p>
              )}
            </section>
          )}

          <Conversation request={request} onChanged={refresh} />

          {request.can.reopen && (
            <details className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
              <summary className="cursor-pointer font-semibold">{t("detail.reopenTitle")}</summary>
              <p className="mt-2 text-sm text-slate-700">{t("detail.reopenText")}</p>
              <form
                className="mt-3"
                onSubmit={(event) => {
                  event.preventDefault();
                  if (reopenComment.trim()) reopen.mutate({ requestId: request.id, comment: reopenComment.trim() });
                }}
              >
                <label htmlFor="reopen-comment" className="block text-sm font-medium text-slate-900">
                  {t("detail.reopenLabel")}
                </label>
                <textarea
                  id="reopen-comment"
                  rows={3}
                  maxLength={4000}
                  value={reopenComment}
                  onChange={(event) => setReopenComment(event.target.value)}
                  className="mt-1.5 block w-full rounded-lg border border-slate-400 px-3 py-2 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none"
                />
                <button
                  type="submit"
                  disabled={!reopenComment.trim() || reopen.isPending}
                  className={`${primaryButton} mt-3`}
                >
                  {reopen.isPending && <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />}
                  {t("detail.reopen")}
                </button>
              </form>
            </details>
          )}
        </div>

        <div className="order-3 lg:col-start-2 lg:row-start-2">
          <StatusTimeline events={request.events} />
        </div>
      </div>
    </div>
  );
}
