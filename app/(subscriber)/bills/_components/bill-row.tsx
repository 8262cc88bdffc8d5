import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import type { RouterOutputs } from "@/app/_trpc/types";
import { formatMonth } from "../_lib/month";
import { BillStatusBadge } from "./bill-status-badge";

export type BillListItem = RouterOutputs["bill"]["list"]["items"][number];

/** One bill in the list: the month, the number, the total, the status and what is left to pay. */
export function BillRow({ bill }: { bill: BillListItem }) {
  const t = useTranslations("bills");
  const locale = useLocale();
  const month = formatMonth(bill.periodStart, locale);
  const isOpen = bill.status !== "PAID" && bill.status !== "CANCELLED";
  return (
    <Link
      href={`/bills/${bill.id}`}
      aria-label={t("open", { number: bill.number })}
      className="flex items-center gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm transition-colors hover:border-brand-300 hover:bg-brand-50/40 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h2 className="font-semibold first-letter:uppercase">{t("monthTitle", { month })}</h2>
          <BillStatusBadge status={bill.status} />
        </div>
        <p className="mt-0.5 text-sm text-slate-600 tabular-nums">{t("number", { number: bill.number })}</p>
        <p className={`mt-1 text-sm ${bill.status === "OVERDUE" ? "font-medium text-red-700" : "text-slate-700"}`}>
          {isOpen
            ? `${t("toPay", { amount: formatMoney(bill.amountDueCents, bill.currency, locale) })} · ${t("dueBy", { date: formatDate(bill.dueAt, locale) })}`
            : t("paidInFull")}
        </p>
      </div>
      <p className="shrink-0 text-right text-lg font-bold tabular-nums">
        {formatMoney(bill.totalCents, bill.currency, locale)}
      </p>
      <ChevronRight aria-hidden="true" className="size-5 shrink-0 text-slate-400" />
    </Link>
  );
}
