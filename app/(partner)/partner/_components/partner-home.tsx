import { CalendarDays, CalendarRange, KeyRound, UserPlus, Users } from "lucide-react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { formatDate, formatNumber, formatPhone } from "@/app/_lib/format";
import { getServerCaller } from "@/app/_trpc/server";
import { FiguresChart } from "./figures-chart";

function StatCard({ icon, label, value, note }: { icon: ReactNode; label: string; value: string; note?: string }) {
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="flex items-center gap-2 text-sm font-medium text-slate-600">
        {icon}
        {label}
      </dt>
      <dd className="mt-1 text-3xl font-bold tracking-tight tabular-nums">{value}</dd>
      {note && <dd className="text-sm text-slate-600">{note}</dd>}
    </div>
  );
}

function FiguresTable({
  caption,
  rows,
  header,
}: {
  caption: string;
  header: [string, string];
  rows: [string, number][];
}) {
  // sr-only goes on a wrapper: a table ignores the 1px width and would widen the page.
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{header[0]}</th>
            <th scope="col">{header[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, count]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The dealer point at a glance: registrations today, this month, per day and per month, and the latest orders. */
export async function PartnerHome() {
  const api = await getServerCaller();
  const [me, figures, recent] = await Promise.all([
    api.me.get(),
    api.partner.figures({}),
    api.partner.orders({ limit: 5 }),
  ]);
  const t = await getTranslations("partner.home");
  const tSim = await getTranslations("partner.sim");
  const locale = await getLocale();
  const dayLabel = (day: string) =>
    formatDate(`${day}T12:00:00Z`, locale, { dateStyle: undefined, day: "numeric", month: "short" });
  const monthLabel = (month: string) =>
    formatDate(`${month}-15T12:00:00Z`, locale, { dateStyle: undefined, month: "short", year: "2-digit" });
  const activationShare = figures.customers > 0 ? Math.round((figures.activated / figures.customers) * 100) : 0;

  return (
    <div className="space-y-8">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <p className="text-sm font-semibold text-brand-700">{me.partnerName ?? t("eyebrow")}</p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">{t("greeting", { name: me.name })}</h1>
        </div>
        <Link
          href="/partner/register"
          className="inline-flex min-h-12 items-center justify-center gap-2 rounded-lg bg-brand-600 px-5 font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          <UserPlus aria-hidden="true" className="size-5" />
          {t("registerCta")}
        </Link>
        <Link href="/partner/sim" className="text-sm font-semibold text-brand-700 hover:underline">
          {tSim("link")}
        </Link>
      </div>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title" className="sr-only">
          {t("figuresTitle")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatCard
            icon={<CalendarDays aria-hidden="true" className="size-4" />}
            label={t("today")}
            value={formatNumber(figures.today, locale)}
          />
          <StatCard
            icon={<CalendarRange aria-hidden="true" className="size-4" />}
            label={t("thisMonth")}
            value={formatNumber(figures.thisMonth, locale)}
          />
          <StatCard
            icon={<Users aria-hidden="true" className="size-4" />}
            label={t("customers")}
            value={formatNumber(figures.customers, locale)}
          />
          <StatCard
            icon={<KeyRound aria-hidden="true" className="size-4" />}
            label={t("activated")}
            value={`${activationShare}%`}
            note={t("activatedNote", {
              activated: formatNumber(figures.activated, locale),
              total: formatNumber(figures.customers, locale),
            })}
          />
        </dl>
      </section>

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="per-day-title" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="per-day-title" className="font-semibold">
            {t("perDayTitle")}
          </h2>
          <FiguresChart
            seriesName={t("registrations")}
            points={figures.perDay.map((point) => ({ label: dayLabel(point.day), count: point.count }))}
          />
          <FiguresTable
            caption={t("perDayTitle")}
            header={[t("day"), t("registrations")]}
            rows={figures.perDay.map((point) => [formatDate(point.day, locale), point.count])}
          />
        </section>
        <section
          aria-labelledby="per-month-title"
          className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id="per-month-title" className="font-semibold">
            {t("perMonthTitle")}
          </h2>
          <FiguresChart
            seriesName={t("registrations")}
            points={figures.perMonth.map((point) => ({ label: monthLabel(point.month), count: point.count }))}
          />
          <FiguresTable
            caption={t("perMonthTitle")}
            header={[t("month"), t("registrations")]}
            rows={figures.perMonth.map((point) => [
              formatDate(`${point.month}-15`, locale, { dateStyle: undefined, month: "long", year: "numeric" }),
              point.count,
            ])}
          />
        </section>
      </div>

      <section aria-labelledby="recent-title">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id="recent-title" className="text-lg font-semibold">
            {t("recentTitle")}
          </h2>
          <Link href="/partner/orders" className="text-sm font-semibold text-brand-700 hover:underline">
            {t("allOrders")}
          </Link>
        </div>
        {recent.items.length === 0 ? (
          <p className="mt-3 rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
            {t("noOrders")}
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white shadow-sm">
            {recent.items.map((order) => (
              <li key={order.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3">
                <span className="min-w-0">
                  <span className="block font-medium">{order.customer?.name ?? "—"}</span>
                  <span className="block text-sm text-slate-600 tabular-nums">
                    {order.msisdn ? formatPhone(order.msisdn) : t("homeInternet")} ·{" "}
                    {locale === "en" ? order.tariff.nameEn : order.tariff.name}
                  </span>
                </span>
                <span className="text-sm text-slate-600">
                  {formatDate(order.createdAt, locale, { dateStyle: "medium", timeZone: "Europe/Moscow" })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
