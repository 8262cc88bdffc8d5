import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { formatDate } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import { getServerCaller } from "@/app/_trpc/server";
import { BillExplainer } from "../_components/bill-explainer";
import { BillLines } from "../_components/bill-lines";
import { BillPayments } from "../_components/bill-payments";
import { BillStatusBadge } from "../_components/bill-status-badge";
import { PayPanel } from "../_components/pay-panel";
import { PdfLink } from "../_components/pdf-link";
import { RecordBillView } from "../_components/record-bill-view";
import { formatMonth } from "../_lib/month";

type Params = { params: Promise<{ id: string }> };

function isMissing(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  return code === "NOT_FOUND" || code === "BAD_REQUEST";
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bills");
  return { title: t("metaTitle") };
}

async function Bill({ id }: { id: string }) {
  const api = await getServerCaller();
  const locale = await getLocale();
  const language = locale === "en" ? "en" : "ru";
  const [bill, explanation] = await Promise.all([
    api.bill.byId({ id, locale: language }),
    api.bill.explain({ id, locale: language }),
  ]).catch((error: unknown) => {
    if (isMissing(error)) notFound();
    throw error;
  });
  const t = await getTranslations("bills");
  const money = (cents: number) => formatMoney(cents, bill.currency, locale);
  const canPay = bill.amountDueCents > 0 && bill.status !== "CANCELLED";
  // A payment the bank has not confirmed yet (PENDING or UNKNOWN): no second payment until it settles.
  const isConfirming = bill.payments.some((payment) => payment.status === "PENDING" || payment.status === "UNKNOWN");

  return (
    <div className="space-y-6">
      <Link
        href="/bills"
        className="inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("detail.back")}
      </Link>

      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight first-letter:uppercase sm:text-3xl">
            {t("detail.title", { month: formatMonth(bill.periodStart, locale) })}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
            <span className="tabular-nums">{t("number", { number: bill.number })}</span>
            <BillStatusBadge status={bill.status} />
          </p>
        </div>
        <PdfLink billId={bill.id} filename={`bill-${bill.number}.pdf`} label={t("detail.downloadPdf")} />
      </div>
      <RecordBillView billId={bill.id} />

      <dl className="grid grid-cols-2 gap-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-3">
        <div className="col-span-2 sm:col-span-1">
          <dt className="text-sm text-slate-600">{t("detail.period")}</dt>
          <dd className="font-medium">
            {t("periodRange", { from: formatDate(bill.periodStart, locale), to: formatDate(bill.periodEnd, locale) })}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("detail.issued")}</dt>
          <dd className="font-medium">{formatDate(bill.issuedAt, locale)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("detail.due")}</dt>
          <dd className={`font-medium ${bill.status === "OVERDUE" ? "text-red-700" : ""}`}>
            {formatDate(bill.dueAt, locale)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("detail.total")}</dt>
          <dd className="text-lg font-bold tabular-nums">{money(bill.totalCents)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("detail.paid")}</dt>
          <dd className="text-lg font-semibold tabular-nums">{money(bill.paidCents)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("detail.toPay")}</dt>
          <dd
            data-testid="amount-due"
            className={`text-lg font-bold tabular-nums ${bill.amountDueCents > 0 ? "text-brand-800" : "text-emerald-700"}`}
          >
            {money(bill.amountDueCents)}
          </dd>
        </div>
      </dl>

      {canPay && isConfirming ? (
        <p
          role="status"
          data-testid="payment-confirming"
          className="rounded-2xl bg-amber-50 p-4 font-medium text-amber-900"
        >
          {t("pay.confirming")}
        </p>
      ) : canPay ? (
        <PayPanel billId={bill.id} amountDueCents={bill.amountDueCents} currency={bill.currency} />
      ) : (
        <p role="status" className="rounded-2xl bg-emerald-50 p-4 font-medium text-emerald-900">
          {bill.status === "CANCELLED" ? t("pay.cancelled") : t("pay.nothingToPay")}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <BillLines bill={bill} />
        <div className="space-y-6">
          <BillExplainer explanation={explanation} />
          <BillPayments payments={bill.payments} currency={bill.currency} />
        </div>
      </div>
    </div>
  );
}

export default async function BillPage({ params }: Params) {
  const { id } = await params;
  return (
    <RoleGate area="subscriber">
      <Bill id={id} />
    </RoleGate>
  );
}
