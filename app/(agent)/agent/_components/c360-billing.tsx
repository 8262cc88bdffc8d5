"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatMoney } from "@/app/_lib/money";
import { AdjustBillDialog } from "./adjust-bill-dialog";
import type { Customer360Data } from "./customer-360";
import { Section } from "./section";

type Bill = Customer360Data["bills"][number];

const BILL_STATUS_STYLE: Record<Bill["status"], string> = {
  ISSUED: "bg-sky-50 text-sky-900 ring-sky-200",
  PARTIALLY_PAID: "bg-amber-50 text-amber-900 ring-amber-200",
  PAID: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  OVERDUE: "bg-red-50 text-red-900 ring-red-200",
  CANCELLED: "bg-slate-100 text-slate-700 ring-slate-200",
};

function BillItem({ bill, isHighlighted, onAdjust }: { bill: Bill; isHighlighted: boolean; onAdjust: () => void }) {
  const t = useTranslations("agent.c360");
  const locale = useLocale();
  const format = useFormatter();
  const money = (cents: number) => formatMoney(cents, bill.currency, locale);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "short", timeZone: "UTC" });
  return (
    <li
      data-bill-id={bill.id}
      className={`rounded-xl border p-3 ${isHighlighted ? "border-brand-500 ring-2 ring-brand-200" : "border-slate-200"}`}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-semibold break-all tabular-nums">{t("bill", { number: bill.number })}</p>
          <p className="text-sm text-slate-700">
            {day(bill.periodStart)} – {day(bill.periodEnd)}
          </p>
          <p className="text-sm text-slate-700">
            {t("due")} {day(bill.dueAt)} · {t("paid")}: <span className="tabular-nums">{money(bill.paidCents)}</span>
          </p>
        </div>
        <div className="shrink-0 text-right">
          <p className="font-semibold whitespace-nowrap tabular-nums" data-testid="bill-total">
            {money(bill.totalCents)}
          </p>
          <span
            className={`mt-1 inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${BILL_STATUS_STYLE[bill.status]}`}
          >
            {t(`billStatus.${bill.status}`)}
          </span>
        </div>
      </div>
      {bill.adjustments.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm" aria-label={t("adjustments")}>
          {bill.adjustments.map((adjustment) => (
            <li key={adjustment.id} className="flex flex-wrap justify-between gap-2 rounded-lg bg-slate-50 px-2 py-1">
              <span className="break-words">
                {adjustment.reason} · {adjustment.requestedBy.name}
              </span>
              <span className="tabular-nums">
                {money(adjustment.amountCents)} · {t(`adjustmentStatus.${adjustment.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-1 flex flex-wrap items-start gap-x-3">
        <details className="min-w-0 flex-1 text-sm">
          <summary className="min-h-11 cursor-pointer py-2.5 font-medium text-brand-700">{t("billLines")}</summary>
          <table className="mt-1 w-full text-left text-sm">
            <tbody>
              {bill.lines.map((line) => (
                <tr key={line.id} className="border-t border-slate-100">
                  <td className="py-1 pr-2 break-words">{line.description}</td>
                  <td className="py-1 text-right whitespace-nowrap tabular-nums">{money(line.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        {bill.status !== "CANCELLED" && (
          <button
            type="button"
            onClick={onAdjust}
            aria-label={`${t("adjust")}: ${t("bill", { number: bill.number })}`}
            className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-100"
          >
            {t("adjust")}
          </button>
        )}
      </div>
    </li>
  );
}

export function BillsSection({
  data,
  requestId,
  highlightBillId,
  firstShown,
}: {
  data: Customer360Data;
  requestId?: string;
  highlightBillId: string | null;
  /** How many bills show before "show all" (the one in question always shows). */
  firstShown: number;
}) {
  const t = useTranslations("agent.c360");
  const [adjusting, setAdjusting] = useState<Bill | null>(null);
  const [showsAll, setShowsAll] = useState(false);
  const shown = showsAll
    ? data.bills
    : data.bills.filter((bill, index) => index < firstShown || bill.id === highlightBillId);
  return (
    <Section id="c360-bills" title={t("bills")} count={data.bills.length} isOpen>
      {data.bills.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noBills")}</p>
      ) : (
        <ul className="space-y-3">
          {shown.map((bill) => (
            <BillItem
              key={bill.id}
              bill={bill}
              isHighlighted={bill.id === highlightBillId}
              onAdjust={() => setAdjusting(bill)}
            />
          ))}
        </ul>
      )}
      {shown.length < data.bills.length && (
        <button
          type="button"
          onClick={() => setShowsAll(true)}
          className="mt-2 min-h-11 rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-100"
        >
          {t("showAll", { count: data.bills.length })}
        </button>
      )}
      {adjusting && <AdjustBillDialog bill={adjusting} requestId={requestId} onClose={() => setAdjusting(null)} />}
    </Section>
  );
}

export function PaymentsSection({ data, isOpen }: { data: Customer360Data; isOpen: boolean }) {
  const t = useTranslations("agent.c360");
  const tChannel = useTranslations("agent.channel");
  const locale = useLocale();
  const format = useFormatter();
  return (
    <Section id="c360-payments" title={t("payments")} count={data.payments.length} isOpen={isOpen}>
      {data.payments.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noPayments")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {data.payments.map((payment) => (
            <li key={payment.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
              <span>
                <time dateTime={payment.createdAt.toISOString()}>
                  {format.dateTime(payment.createdAt, { dateStyle: "short", timeStyle: "short" })}
                </time>{" "}
                · {t("bill", { number: payment.billNumber })} · {tChannel(payment.channel)}
                {payment.cardLast4 && ` · ${t("card", { last4: payment.cardLast4 })}`}
              </span>
              <span className={`tabular-nums ${payment.status === "DECLINED" ? "text-red-700" : ""}`}>
                {formatMoney(payment.amountCents, payment.currency, locale)} · {t(`paymentStatus.${payment.status}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
