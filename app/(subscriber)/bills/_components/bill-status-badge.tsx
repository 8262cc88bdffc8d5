import { useTranslations } from "next-intl";

const STYLE: Record<string, string> = {
  ISSUED: "bg-sky-50 text-sky-800 ring-sky-200",
  PARTIALLY_PAID: "bg-amber-50 text-amber-900 ring-amber-200",
  PAID: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  OVERDUE: "bg-red-50 text-red-800 ring-red-200",
  CANCELLED: "bg-slate-100 text-slate-700 ring-slate-200",
};

export type BillStatus = "ISSUED" | "PARTIALLY_PAID" | "PAID" | "OVERDUE" | "CANCELLED";

export function BillStatusBadge({ status }: { status: BillStatus }) {
  const t = useTranslations("bills");
  return (
    <span
      data-status={status}
      className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ${STYLE[status]}`}
    >
      {t(`status.${status}`)}
    </span>
  );
}
