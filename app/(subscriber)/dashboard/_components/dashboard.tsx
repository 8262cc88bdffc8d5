import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getServerCaller } from "@/app/_trpc/server";
import { IncidentBanner } from "@/app/_components/incident-banner";
import { AlertsCard } from "./alerts-card";
import { BalanceCard, LastBillCard, NextBillCard } from "./balance-card";
import { LineCard } from "./line-card";

/** The subscriber's account at a glance: balance, next bill, and each line with its usage. */
export async function Dashboard() {
  const api = await getServerCaller();
  // An outage notice must not take the dashboard down with it: without it the page still loads.
  const [summary, incidents] = await Promise.all([api.account.summary(), api.incident.forMe().catch(() => null)]);
  const t = await getTranslations("dashboard");
  const locale = await getLocale();

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("greeting", { name: summary.name })}</h1>
        <p className="mt-1 text-slate-700">
          <span className="tabular-nums">{t("accountNumber", { number: summary.accountNumber })}</span>
        </p>
      </div>

      {incidents?.items.map((incident) => (
        <IncidentBanner key={incident.id} incident={incident} at={incidents.at} />
      ))}

      {summary.alerts.length > 0 && <AlertsCard alerts={summary.alerts} currency={summary.currency} />}

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <BalanceCard balanceCents={summary.balanceCents} currency={summary.currency} />
        <NextBillCard nextBillDate={summary.nextBillDate} />
        {summary.lastBill && <LastBillCard bill={summary.lastBill} currency={summary.currency} />}
      </div>

      <section aria-labelledby="lines-title">
        <h2 id="lines-title" className="text-lg font-semibold">
          {t("linesTitle")}
        </h2>
        {summary.lines.length === 0 ? (
          <div className="mt-3 rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-center">
            <p className="font-medium">{t("noLines")}</p>
            <p className="mt-1 text-sm text-slate-600">{t("noLinesHint")}</p>
            <Link
              href="/tariffs"
              className="mt-4 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700"
            >
              {t("chooseTariff")}
            </Link>
          </div>
        ) : (
          <ul className="mt-3 grid grid-cols-1 gap-4 lg:grid-cols-2">
            {summary.lines.map((line) => (
              <li key={line.id}>
                <LineCard line={line} currency={summary.currency} t={t} locale={locale} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
