import { CalendarDays, ReceiptText, Wallet } from "lucide-react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import type { AccountSummary } from "@/app/_trpc/types";

/** A positive balance is money owed; a negative one is credit on the account. */
export async function BalanceCard({ balanceCents, currency }: { balanceCents: number; currency: string }) {
  const t = await getTranslations("dashboard");
  const locale = await getLocale();
  const owes = balanceCents > 0;
  const hasCredit = balanceCents < 0;
  const status = owes ? t("owes") : hasCredit ? t("credit") : t("settled");
  return (
    <section aria-labelledby="balance-title" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="balance-title" className="flex items-center gap-2 text-sm font-medium text-slate-600">
        <Wallet aria-hidden="true" className="size-4" />
        {t("balance")}
      </h2>
      <p className={`mt-2 text-sm font-semibold ${owes ? "text-amber-800" : "text-emerald-800"}`}>{status}</p>
      <p className="text-3xl font-bold tracking-tight tabular-nums">
        {formatMoney(Math.abs(balanceCents), currency, locale)}
      </p>
      {(owes || hasCredit) && <p className="mt-1 text-sm text-slate-600">{owes ? t("owesHint") : t("creditHint")}</p>}
      {owes && (
        <Link
          href="/bills"
          className="mt-4 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700"
        >
          {t("payNow")}
        </Link>
      )}
    </section>
  );
}

export async function NextBillCard({ nextBillDate }: { nextBillDate: Date }) {
  const t = await getTranslations("dashboard");
  const locale = await getLocale();
  return (
    <section aria-labelledby="next-bill-title" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="next-bill-title" className="flex items-center gap-2 text-sm font-medium text-slate-600">
        <CalendarDays aria-hidden="true" className="size-4" />
        {t("nextBill")}
      </h2>
      <p className="mt-2 text-2xl font-bold tracking-tight">
        <time dateTime={nextBillDate.toISOString().slice(0, 10)}>{formatDate(nextBillDate, locale)}</time>
      </p>
    </section>
  );
}

/** The latest bill: its total and status, with links to it and to all bills. */
export async function LastBillCard({
  bill,
  currency,
}: {
  bill: NonNullable<AccountSummary["lastBill"]>;
  currency: string;
}) {
  const t = await getTranslations("dashboard");
  const tBills = await getTranslations("bills");
  const locale = await getLocale();
  return (
    <section aria-labelledby="last-bill-title" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="last-bill-title" className="flex items-center gap-2 text-sm font-medium text-slate-600">
        <ReceiptText aria-hidden="true" className="size-4" />
        {t("lastBill")}
      </h2>
      <p className="mt-2 text-2xl font-bold tracking-tight tabular-nums">
        {formatMoney(bill.totalCents, currency, locale)}
      </p>
      <p className="text-sm text-slate-700">
        {tBills(`status.${bill.status}`)} · {tBills("number", { number: bill.number })}
      </p>
      <div className="mt-3 flex flex-wrap gap-x-4">
        <Link
          href={`/bills/${bill.id}`}
          className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline"
        >
          {t("openBill")}
        </Link>
        <Link href="/bills" className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline">
          {t("allBills")}
        </Link>
      </div>
    </section>
  );
}
