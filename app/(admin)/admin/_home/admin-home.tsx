import { ArrowRight, KeyRound, Route, ServerCrash, Stamp } from "lucide-react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, formatNumber } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import { getServerCaller } from "@/app/_trpc/server";
import { KpiCard, type Trend } from "../_components/kpi-card";
import { PageHeader } from "../_components/page-header";
import { formatShare, pointsBetween, splitMinutes } from "../_lib/format";

/** The supervisor's start page: the last 30 days in numbers, and what waits for a decision. */
export async function AdminHome() {
  const api = await getServerCaller();
  const [home, me] = await Promise.all([api.admin.home(), api.me.get()]);
  const t = await getTranslations("admin");
  const locale = await getLocale();

  const minutesText = (minutes: number | null): string => {
    if (minutes === null) return "—";
    const parts = splitMinutes(minutes);
    return parts.hours ? t("common.hoursMinutes", parts) : t("common.minutes", { minutes: parts.minutes });
  };
  const shareTrend = (current: number | null, previous: number | null): Trend | null => {
    const points = pointsBetween(current, previous);
    if (points === null) return null;
    const signed = `${points > 0 ? "+" : points < 0 ? "−" : "±"}${formatNumber(Math.abs(points), locale, 1)}`;
    return { text: t("home.pointsVsPrevious", { points: signed }), isBetter: points === 0 ? null : points > 0 };
  };
  const { current, previous } = home;
  const contactsChange =
    previous.contacts.total > 0 ? (current.contacts.total - previous.contacts.total) / previous.contacts.total : null;
  const responseDelta =
    current.avgFirstResponseMinutes !== null && previous.avgFirstResponseMinutes !== null
      ? Math.round(current.avgFirstResponseMinutes - previous.avgFirstResponseMinutes)
      : null;

  const waiting = [
    {
      href: "/admin/approvals",
      icon: Stamp,
      title: t("home.approvalsTitle"),
      text: home.pendingApprovals
        ? t("home.approvalsWaiting", { count: home.pendingApprovals })
        : t("home.approvalsNone"),
      isUrgent: home.pendingApprovals > 0,
    },
    {
      href: "/admin/users",
      icon: KeyRound,
      title: t("home.lockedTitle"),
      text: home.throttledLogins ? t("home.lockedWaiting", { count: home.throttledLogins }) : t("home.lockedNone"),
      isUrgent: home.throttledLogins > 0,
    },
    {
      // Payments flagged for review are in the audit log (payment.needsReview); failed jobs in the logs.
      href: "/admin/audit",
      icon: ServerCrash,
      title: t("home.backgroundTitle"),
      text:
        [
          home.failedJobs ? t("home.backgroundJobs", { count: home.failedJobs }) : null,
          home.paymentsToReview ? t("home.backgroundPayments", { count: home.paymentsToReview }) : null,
        ]
          .filter(Boolean)
          .join("; ") || t("home.backgroundNone"),
      isUrgent: home.failedJobs > 0 || home.paymentsToReview > 0,
    },
    {
      href: "/admin/routing",
      icon: Route,
      title: t("home.policyTitle"),
      text: home.policy.savedAt
        ? t("home.policyVersion", { version: home.policy.version, date: formatDate(home.policy.savedAt, locale) })
        : t("home.policyDefaults"),
      isUrgent: false,
    },
  ];

  return (
    <div className="space-y-8">
      <PageHeader
        title={t("home.greeting", { name: me.name })}
        description={t("home.intro", { days: home.days })}
        actions={
          <Link
            href="/admin/reports"
            className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100"
          >
            {t("home.openReports")}
            <ArrowRight aria-hidden="true" className="size-4" />
          </Link>
        }
      />

      <section aria-labelledby="headline-title">
        <h2 id="headline-title" className="text-lg font-semibold">
          {t("home.headlineTitle", { days: home.days })}
        </h2>
        <div className="mt-3 grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <KpiCard
            id="kpi-contacts"
            label={t("kpi.contacts")}
            value={formatNumber(current.contacts.total, locale)}
            trend={
              contactsChange === null
                ? null
                : {
                    text: t("home.changeVsPrevious", {
                      change: `${contactsChange >= 0 ? "+" : "−"}${formatShare(Math.abs(contactsChange), locale, 0)}`,
                    }),
                    isBetter: null,
                  }
            }
          />
          <KpiCard
            id="kpi-self-service"
            label={t("kpi.selfServiceRate")}
            value={formatShare(current.selfServiceRate, locale)}
            hint={t("kpi.selfServiceHint")}
            trend={shareTrend(current.selfServiceRate, previous.selfServiceRate)}
          />
          <KpiCard
            id="kpi-sla"
            label={t("kpi.slaCompliance")}
            value={formatShare(current.slaCompliance, locale)}
            trend={shareTrend(current.slaCompliance, previous.slaCompliance)}
          />
          <KpiCard
            id="kpi-fcr"
            label={t("kpi.fcr")}
            value={formatShare(current.fcr, locale)}
            trend={shareTrend(current.fcr, previous.fcr)}
          />
          <KpiCard
            id="kpi-csat"
            label={t("kpi.csat")}
            value={current.csat === null ? "—" : t("kpi.csatValue", { average: formatNumber(current.csat, locale, 2) })}
            hint={t("kpi.csatHint", {
              share: formatShare(current.csatDetail.satisfiedShare, locale),
              responses: current.csatDetail.responses,
            })}
          />
          <KpiCard
            id="kpi-first-response"
            label={t("kpi.firstResponse")}
            value={minutesText(current.avgFirstResponseMinutes)}
            trend={
              responseDelta === null
                ? null
                : {
                    text: t("home.minutesVsPrevious", {
                      minutes: `${responseDelta > 0 ? "+" : responseDelta < 0 ? "−" : "±"}${Math.abs(responseDelta)}`,
                    }),
                    isBetter: responseDelta === 0 ? null : responseDelta < 0,
                  }
            }
          />
          <KpiCard id="kpi-handling" label={t("kpi.handling")} value={minutesText(current.avgHandlingMinutes)} />
          <KpiCard
            id="kpi-savings"
            label={t("kpi.savings")}
            value={formatMoney(current.cost.savingsCents, current.cost.currency, locale)}
            hint={t("kpi.savingsHint", { total: formatMoney(current.cost.totalCents, current.cost.currency, locale) })}
          />
        </div>
      </section>

      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title" className="text-lg font-semibold">
          {t("home.waitingTitle")}
        </h2>
        <ul className="mt-3 grid gap-3 md:grid-cols-3">
          {waiting.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                className="group flex h-full min-h-20 items-center gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500 hover:bg-brand-50"
              >
                <span
                  aria-hidden="true"
                  className={`grid size-10 shrink-0 place-items-center rounded-xl ${item.isUrgent ? "bg-amber-100 text-amber-800" : "bg-brand-50 text-brand-700"}`}
                >
                  <item.icon className="size-5" />
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block font-semibold text-slate-900">{item.title}</span>
                  <span className="block text-sm text-slate-600">{item.text}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
