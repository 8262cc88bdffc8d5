import { BellRing, CircleAlert, Gauge } from "lucide-react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, formatPhone } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import type { AccountSummary } from "@/app/_trpc/types";

/** Overdue bills and allowances at 80% or more, each with the action that resolves it. */
export async function AlertsCard({ alerts, currency }: { alerts: AccountSummary["alerts"]; currency: string }) {
  const t = await getTranslations("dashboard.alerts");
  const locale = await getLocale();
  return (
    <section aria-labelledby="alerts-title" className="rounded-2xl border border-amber-300 bg-amber-50 p-5">
      <h2 id="alerts-title" className="flex items-center gap-2 font-semibold text-amber-950">
        <BellRing aria-hidden="true" className="size-5" />
        {t("title")}
      </h2>
      <ul className="mt-2 space-y-2">
        {alerts.map((alert) => {
          if (alert.kind === "OVERDUE_BILL") {
            return (
              <li
                key={alert.billId}
                data-alert={alert.kind}
                className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-white p-3"
              >
                <p className="flex min-w-0 items-start gap-2 text-sm font-medium text-red-800">
                  <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                  {t("overdue", {
                    number: alert.number,
                    amount: formatMoney(alert.amountDueCents, currency, locale),
                    date: formatDate(alert.dueAt, locale),
                  })}
                </p>
                <Link
                  href={`/bills/${alert.billId}`}
                  className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-3 text-sm font-semibold text-white hover:bg-brand-700"
                >
                  {t("payOverdue")}
                </Link>
              </li>
            );
          }
          const line = alert.msisdn ? formatPhone(alert.msisdn) : t("homeInternet");
          const text = t(alert.kind === "ALLOWANCE_EXCEEDED" ? "allowanceExceeded" : "allowanceUsed", {
            line,
            percent: alert.percent,
            resource: t(`resources.${alert.resource}`),
          });
          return (
            <li
              key={`${alert.lineId}-${alert.resource}`}
              data-alert={alert.kind}
              className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-white p-3"
            >
              <p className="flex min-w-0 items-start gap-2 text-sm text-slate-800">
                <Gauge aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-700" />
                {text}
              </p>
              <Link
                href={`/tariffs?line=${alert.lineId}`}
                className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-100"
              >
                {t("seeTariffs")}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
