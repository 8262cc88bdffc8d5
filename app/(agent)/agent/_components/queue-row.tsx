"use client";

import { LoaderCircle, UserRound } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { RouterOutputs } from "@/app/_trpc/types";
import { PriorityBadge, SegmentBadge, StatusBadge } from "./badges";
import { SlaBadge } from "./sla-badge";

export type QueueItem = RouterOutputs["agent"]["queue"]["items"][number];

/** A labelled select whose empty option means "any". */
export function Select<T extends string>({
  id,
  label,
  value,
  anyLabel,
  options,
  optionLabel,
  onChange,
}: {
  id: string;
  label: string;
  value: T | undefined;
  anyLabel: string;
  options: readonly T[];
  optionLabel: (value: T) => string;
  onChange: (value: T | undefined) => void;
}) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-xs font-semibold text-slate-700">
        {label}
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange((event.target.value || undefined) as T | undefined)}
        className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-2 text-sm"
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One escalation in the queue: priority, status, segment, SLA countdown, and claim / open. */
export function QueueRow({
  item,
  onClaim,
  isClaiming,
}: {
  item: QueueItem;
  onClaim: (id: string) => void;
  isClaiming: boolean;
}) {
  const t = useTranslations("agent");
  const format = useFormatter();
  const titleId = `queue-item-${item.id}`;
  const canClaim = !item.assignedTo && item.status !== "RESOLVED" && item.status !== "CLOSED";
  return (
    <li>
      <article
        aria-labelledby={titleId}
        data-request-id={item.id}
        className={`rounded-2xl border bg-white p-4 shadow-sm ${item.slaBreached && !item.firstResponseAt ? "border-red-300" : "border-slate-200"}`}
      >
        <div className="flex flex-wrap items-center gap-2">
          <PriorityBadge priority={item.priority} />
          <StatusBadge status={item.status} />
          <SegmentBadge segment={item.segment} />
          <span className="ml-auto">
            <SlaBadge
              slaDueAt={item.slaDueAt}
              startedAt={item.createdAt}
              firstResponseAt={item.firstResponseAt}
              isBreached={item.slaBreached}
            />
          </span>
        </div>
        <h3 id={titleId} className="mt-2 text-base font-semibold break-words">
          <Link href={`/agent/requests/${item.id}`} className="hover:text-brand-700 hover:underline">
            <span className="text-slate-600 tabular-nums">№{item.number}</span> {item.subject}
          </Link>
        </h3>
        <p className="mt-1 text-sm text-slate-700">
          {t(`category.${item.category}`)} · {item.customerName} · {t(`channel.${item.channel}`)} ·{" "}
          <time dateTime={item.createdAt.toISOString()}>
            {format.dateTime(item.createdAt, { dateStyle: "short", timeStyle: "short" })}
          </time>
        </p>
        <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
          <p className="flex items-center gap-1.5 text-sm text-slate-700">
            <UserRound aria-hidden="true" className="size-4" />
            {item.assignedTo
              ? item.isHeldByMe
                ? t("queue.heldByMe")
                : t("queue.heldBy", { name: item.assignedTo.name })
              : t("queue.unassigned")}
          </p>
          <div className="flex gap-2">
            {canClaim && (
              <button
                type="button"
                onClick={() => onClaim(item.id)}
                disabled={isClaiming}
                aria-label={`${t("queue.claim")} №${item.number}`}
                className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
              >
                {isClaiming && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
                {isClaiming ? t("queue.claiming") : t("queue.claim")}
              </button>
            )}
            <Link
              href={`/agent/requests/${item.id}`}
              aria-label={`${t("queue.open")} №${item.number}`}
              className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-4 text-sm font-medium text-slate-800 hover:bg-slate-100"
            >
              {t("queue.open")}
            </Link>
          </div>
        </div>
      </article>
    </li>
  );
}
