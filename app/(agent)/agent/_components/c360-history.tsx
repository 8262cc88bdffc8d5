"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Globe, Headset, LoaderCircle, Mail, Phone, Smartphone, Store } from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatPhone } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import { useTRPC } from "@/app/_trpc/react";
import { StatusBadge } from "./badges";
import type { Customer360Data } from "./customer-360";
import { Section } from "./section";

type Interaction = Customer360Data["interactions"][number];

const CHANNEL_ICON = { WEB: Globe, PWA: Smartphone, PHONE: Phone, PARTNER: Store, EMAIL: Mail } as const;

export function RequestsSection({ data, currentRequestId }: { data: Customer360Data; currentRequestId?: string }) {
  const t = useTranslations("agent");
  const format = useFormatter();
  const open = data.requests.filter((request) => request.isOpen);
  const past = data.requests.filter((request) => !request.isOpen);
  const list = (items: Customer360Data["requests"]) => (
    <ul className="divide-y divide-slate-100">
      {items.map((request) => (
        <li key={request.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
          <span className="min-w-0">
            {request.id === currentRequestId ? (
              <span className="font-semibold">
                №{request.number} {request.subject}
              </span>
            ) : (
              <Link href={`/agent/requests/${request.id}`} className="font-medium text-brand-700 hover:underline">
                №{request.number} {request.subject}
              </Link>
            )}
            <span className="block text-slate-600">
              {t(`category.${request.category}`)} · {t(`channel.${request.channel}`)} ·{" "}
              <time dateTime={request.createdAt.toISOString()}>
                {format.dateTime(request.createdAt, { dateStyle: "short" })}
              </time>
              {request.resolutionCode &&
                ` · ${t.has(`resolution.${request.resolutionCode}` as "resolution.FIXED") ? t(`resolution.${request.resolutionCode}` as "resolution.FIXED") : request.resolutionCode}`}
            </span>
          </span>
          <StatusBadge status={request.status} />
        </li>
      ))}
    </ul>
  );
  return (
    <Section id="c360-requests" title={t("c360.requests")} count={data.requests.length} isOpen>
      {data.requests.length === 0 ? (
        <p className="text-sm text-slate-600">{t("c360.noRequests")}</p>
      ) : (
        <div className="space-y-3">
          {open.length > 0 && (
            <div>
              <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t("c360.openRequests")}</h4>
              {list(open)}
            </div>
          )}
          {past.length > 0 && (
            <div>
              <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t("c360.pastRequests")}</h4>
              {list(past)}
            </div>
          )}
        </div>
      )}
    </Section>
  );
}

export function TariffChangesSection({ data, isOpen }: { data: Customer360Data; isOpen: boolean }) {
  const t = useTranslations("agent");
  const locale = useLocale();
  const format = useFormatter();
  const name = (tariff: { name: string; nameEn: string }) => (locale === "en" ? tariff.nameEn : tariff.name);
  return (
    <Section id="c360-changes" title={t("c360.tariffChanges")} count={data.tariffChanges.length} isOpen={isOpen}>
      {data.tariffChanges.length === 0 ? (
        <p className="text-sm text-slate-600">{t("c360.noTariffChanges")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {data.tariffChanges.map((change) => (
            <li key={change.id} className="py-2">
              <p className="font-medium">
                {t("c360.changeLine", { from: name(change.fromTariff), to: name(change.toTariff) })}
              </p>
              <p className="text-slate-600">
                {change.line.msisdn ? formatPhone(change.line.msisdn) : t(`c360.kind.${change.line.kind}`)} ·{" "}
                {t(`c360.changeStatus.${change.status}`)} ·{" "}
                {format.dateTime(change.effectiveAt, { dateStyle: "short" })} · {t(`channel.${change.channel}`)} ·{" "}
                {t("c360.by", { name: change.requestedBy.name })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function detailOf(interaction: Interaction, money: (cents: number) => string): string | null {
  const data = interaction.data;
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const record = data as Record<string, unknown>;
  if (typeof record.amountCents === "number") return money(record.amountCents);
  if (typeof record.durationSec === "number") return `${Math.round(record.durationSec / 60)} min`;
  if (typeof record.fromTariff === "string" && typeof record.toTariff === "string")
    return `${record.fromTariff} → ${record.toTariff}`;
  return null;
}

export function TimelineSection({
  data,
  isOpen,
  firstShown,
}: {
  data: Customer360Data;
  isOpen: boolean;
  firstShown: number;
}) {
  const t = useTranslations("agent");
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const [wantsOlder, setWantsOlder] = useState(false);
  const [isExpanded, setIsExpanded] = useState(false);
  const older = useInfiniteQuery({
    ...trpc.agent.interactions.infiniteQueryOptions(
      { customerId: data.customer.id },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, initialCursor: data.interactionsCursor ?? undefined },
    ),
    enabled: wantsOlder && data.interactionsCursor !== null,
  });
  const all = [...data.interactions, ...(older.data?.pages.flatMap((page) => page.items) ?? [])];
  const items = isExpanded ? all : all.slice(0, firstShown);
  const hasMore = !isExpanded
    ? all.length > firstShown || data.interactionsCursor !== null
    : wantsOlder
      ? older.hasNextPage
      : data.interactionsCursor !== null;
  const money = (cents: number) => formatMoney(cents, data.customer.currency, locale);

  return (
    <Section id="c360-timeline" title={t("c360.timeline")} isOpen={isOpen}>
      <p className="text-xs text-slate-600">{t("c360.timelineHint")}</p>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("c360.noTimeline")}</p>
      ) : (
        <ol className="mt-2 space-y-0" data-testid="timeline">
          {items.map((interaction) => {
            const Icon = CHANNEL_ICON[interaction.channel] ?? Headset;
            const label = t.has(`c360.interaction.${interaction.type}` as "c360.interaction.CALL")
              ? t(`c360.interaction.${interaction.type}` as "c360.interaction.CALL")
              : t("c360.interaction.other");
            const detail = detailOf(interaction, money);
            return (
              <li key={interaction.id} className="flex gap-3 border-l-2 border-slate-200 py-1.5 pl-3 text-sm">
                <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-slate-600" />
                <div className="min-w-0">
                  <p>
                    <span className="font-medium">{label}</span>
                    {detail && <span className="text-slate-700"> · {detail}</span>}
                    {interaction.requestNumber !== null && interaction.requestId && (
                      <>
                        {" · "}
                        <Link
                          href={`/agent/requests/${interaction.requestId}`}
                          className="text-brand-700 hover:underline"
                        >
                          {t("c360.requestRef", { number: interaction.requestNumber })}
                        </Link>
                      </>
                    )}
                  </p>
                  <p className="text-xs text-slate-600">
                    <time dateTime={interaction.at.toISOString()}>
                      {format.dateTime(interaction.at, { dateStyle: "short", timeStyle: "short" })}
                    </time>{" "}
                    · {t(`channel.${interaction.channel}`)}
                    {interaction.actor && interaction.actor.role !== "SUBSCRIBER" && ` · ${interaction.actor.name}`}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {hasMore && (
        <button
          type="button"
          onClick={() => {
            if (!isExpanded && all.length > firstShown) setIsExpanded(true);
            else if (wantsOlder) void older.fetchNextPage();
            else {
              setIsExpanded(true);
              setWantsOlder(true);
            }
          }}
          disabled={older.isFetching}
          className="mt-2 inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
        >
          {older.isFetching && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
          {t("c360.loadOlder")}
        </button>
      )}
    </Section>
  );
}
