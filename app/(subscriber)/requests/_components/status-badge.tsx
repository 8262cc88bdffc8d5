import { useTranslations } from "next-intl";
import type { RequestStatus } from "../_lib/request-types";

const STYLE: Record<RequestStatus, string> = {
  NEW: "bg-slate-100 text-slate-800 ring-slate-300",
  SELF_SERVICE: "bg-sky-50 text-sky-800 ring-sky-200",
  QUEUED: "bg-amber-50 text-amber-900 ring-amber-200",
  ASSIGNED: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  IN_PROGRESS: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  WAITING_CUSTOMER: "bg-orange-50 text-orange-900 ring-orange-300",
  RESOLVED: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  CLOSED: "bg-slate-100 text-slate-700 ring-slate-200",
  REOPENED: "bg-amber-50 text-amber-900 ring-amber-200",
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  const t = useTranslations("requests");
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ${STYLE[status]}`}
    >
      {t(`status.${status}`)}
    </span>
  );
}
