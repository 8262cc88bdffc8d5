"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

type RequestStatus =
  | "NEW"
  | "SELF_SERVICE"
  | "QUEUED"
  | "ASSIGNED"
  | "IN_PROGRESS"
  | "WAITING_CUSTOMER"
  | "RESOLVED"
  | "CLOSED"
  | "REOPENED";
type Segment = "PLATINUM" | "GOLD" | "SILVER" | "BRONZE";

const STATUS_STYLE: Record<RequestStatus, string> = {
  NEW: "bg-slate-100 text-slate-800 ring-slate-300",
  SELF_SERVICE: "bg-slate-100 text-slate-800 ring-slate-300",
  QUEUED: "bg-sky-50 text-sky-900 ring-sky-200",
  ASSIGNED: "bg-indigo-50 text-indigo-900 ring-indigo-200",
  IN_PROGRESS: "bg-violet-50 text-violet-900 ring-violet-200",
  WAITING_CUSTOMER: "bg-amber-50 text-amber-900 ring-amber-200",
  RESOLVED: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  CLOSED: "bg-slate-100 text-slate-700 ring-slate-200",
  REOPENED: "bg-orange-50 text-orange-900 ring-orange-200",
};

const SEGMENT_STYLE: Record<Segment, string> = {
  PLATINUM: "bg-slate-800 text-white ring-slate-800",
  GOLD: "bg-yellow-100 text-yellow-900 ring-yellow-300",
  SILVER: "bg-slate-100 text-slate-800 ring-slate-300",
  BRONZE: "bg-orange-50 text-orange-900 ring-orange-200",
};

const PRIORITY_STYLE: Record<number, string> = {
  1: "bg-red-600 text-white ring-red-600",
  2: "bg-orange-100 text-orange-900 ring-orange-300",
  3: "bg-slate-100 text-slate-800 ring-slate-300",
  4: "bg-white text-slate-700 ring-slate-300",
};

function Pill({ className, children, title }: { className: string; children: ReactNode; title?: string }) {
  return (
    <span
      title={title}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ${className}`}
    >
      {children}
    </span>
  );
}

export function StatusBadge({ status }: { status: RequestStatus }) {
  const t = useTranslations("agent.status");
  return <Pill className={STATUS_STYLE[status]}>{t(status)}</Pill>;
}

export function SegmentBadge({ segment }: { segment: Segment }) {
  const t = useTranslations("common.segments");
  return <Pill className={SEGMENT_STYLE[segment]}>{t(segment)}</Pill>;
}

export function PriorityBadge({ priority }: { priority: number }) {
  const t = useTranslations("agent.priority");
  const key = String(priority) as "1" | "2" | "3" | "4";
  return (
    <Pill className={PRIORITY_STYLE[priority] ?? PRIORITY_STYLE[3]!} title={t(key)}>
      <span aria-hidden="true">{t("label", { priority })}</span>
      <span className="sr-only">{t(key)}</span>
    </Pill>
  );
}
