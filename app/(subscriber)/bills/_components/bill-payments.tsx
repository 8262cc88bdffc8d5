import { useLocale, useTranslations } from "next-intl";
import { formatDate, formatTime } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import type { RouterOutputs } from "@/app/_trpc/types";
import { declineReasonKey } from "../_lib/decline-reason";

type Payment = RouterOutputs["bill"]["byId"]["payments"][number];

const STYLE: Record<Payment["status"], string> = {
  PENDING: "text-amber-800",
  UNKNOWN: "text-amber-800",
  SUCCEEDED: "text-emerald-800",
  DECLINED: "text-red-700",
};

/** The bill's payments, newest first, with the card's last four digits and why a payment was declined. */
export function BillPayments({ payments, currency }: { payments: Payment[]; currency: string }) {
  const t = useTranslations("bills");
  const locale = useLocale();
  return (
    <section aria-labelledby="payments-title" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="payments-title" className="text-lg font-semibold">
        {t("detail.paymentsTitle")}
      </h2>
      {payments.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("detail.noPayments")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {payments.map((payment) => {
            return (
              <li
                key={payment.id}
                data-payment-status={payment.status}
                className="flex items-start justify-between gap-3 py-2.5 text-sm"
              >
                <div className="min-w-0">
                  <p className={`font-medium ${STYLE[payment.status]}`}>
                    {t(`detail.paymentStatus.${payment.status}`)}
                  </p>
                  <p className="text-slate-600">
                    {formatDate(payment.createdAt, locale, { dateStyle: "medium" })},{" "}
                    {formatTime(payment.createdAt, locale, "Europe/Moscow")}
                    {payment.cardLast4 && ` · ${t("detail.card", { last4: payment.cardLast4 })}`} ·{" "}
                    {t(`detail.channel.${payment.channel}`)}
                  </p>
                  {payment.status === "DECLINED" && (
                    <p className="text-red-700">{t(`declineReasons.${declineReasonKey(payment.failureReason)}`)}</p>
                  )}
                </div>
                <p
                  className={`shrink-0 font-semibold tabular-nums ${payment.status === "DECLINED" ? "text-slate-500 line-through" : ""}`}
                >
                  {formatMoney(payment.amountCents, currency, locale)}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
