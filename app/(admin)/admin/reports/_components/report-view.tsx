"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, LoaderCircle } from "lucide-react";
import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatNumber } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import { useTRPC } from "@/app/_trpc/react";
import { SEGMENTS } from "@/server/domain/routing/policy.schema";
import { INPUT, SECONDARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Field } from "../../_components/field";
import { KpiCard } from "../../_components/kpi-card";
import { IncidentFigures } from "./incident-figures";
import { Notice } from "../../_components/notice";
import { LoadError, LoadingBlock } from "../../_components/query-states";
import { formatShare, splitMinutes } from "../../_lib/format";
import { lastDays, PRESETS, rangeFromParams, type Range } from "./range";

// recharts is heavy and needs the browser: it loads only when the charts are shown.
const ReportCharts = dynamic(() => import("./report-charts").then((module) => module.ReportCharts), {
  ssr: false,
  loading: () => <LoadingBlock lines={4} />,
});

const CHANNELS = ["WEB", "PWA", "PHONE", "PARTNER", "EMAIL"] as const;

/** The operator's numbers for a chosen period: headline figures, charts over time, mixes, cost, and the CSV. */
export function ReportView() {
  const t = useTranslations("admin.reports");
  const tKpi = useTranslations("admin.kpi");
  const tCommon = useTranslations("admin.common");
  const tChannels = useTranslations("admin.channels");
  const tSegments = useTranslations("admin.segments");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [range, setRangeState] = useState<Range>(
    () => rangeFromParams(params.get("from"), params.get("to")) ?? lastDays(183),
  );
  const [draft, setDraft] = useState<Range>(range);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const [isDownloading, setIsDownloading] = useState(false);
  const overview = useQuery(trpc.admin.reports.overview.queryOptions(range));
  const timeline = useQuery(trpc.admin.reports.timeline.queryOptions(range));
  const draftIsValid = rangeFromParams(draft.from, draft.to) !== null;

  function setRange(next: Range) {
    setRangeState(next);
    setDraft(next);
    router.replace(`${pathname}?from=${next.from}&to=${next.to}`, { scroll: false });
  }

  async function download() {
    setDownloadFailed(false);
    setIsDownloading(true);
    try {
      const file = await queryClient.fetchQuery(
        trpc.admin.reports.exportCsv.queryOptions({ ...range, locale: locale === "en" ? "en" : "ru" }),
      );
      const url = URL.createObjectURL(new Blob([file.content], { type: file.contentType }));
      const link = document.createElement("a");
      link.href = url;
      link.download = file.filename;
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    } catch {
      setDownloadFailed(true);
    } finally {
      setIsDownloading(false);
    }
  }

  const minutes = (value: number | null) => {
    if (value === null) return "—";
    const parts = splitMinutes(value);
    return parts.hours ? tCommon("hoursMinutes", parts) : tCommon("minutes", { minutes: parts.minutes });
  };
  const data = overview.data;

  return (
    <div className="space-y-6">
      <Card id="range-title" title={t("period")}>
        <div className="flex flex-wrap gap-2" role="group" aria-label={t("presets")}>
          {PRESETS.map((days) => {
            const preset = lastDays(days);
            const isActive = preset.from === range.from && preset.to === range.to;
            return (
              <button
                key={days}
                type="button"
                aria-pressed={isActive}
                onClick={() => setRange(preset)}
                className={`min-h-11 rounded-lg px-3 text-sm font-medium ${isActive ? "bg-brand-600 text-white" : "border border-slate-300 bg-white hover:bg-slate-100"}`}
              >
                {t(`preset.${days}`)}
              </button>
            );
          })}
        </div>
        <form
          noValidate
          className="mt-4 flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (draftIsValid) setRange(draft);
          }}
        >
          <Field id="report-from" label={t("from")}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={draft.from}
                max={draft.to}
                onChange={(event) => setDraft({ ...draft, from: event.target.value })}
                className={INPUT}
              />
            )}
          </Field>
          <Field id="report-to" label={t("to")} error={draftIsValid ? undefined : t("badRange")}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={draft.to}
                min={draft.from}
                onChange={(event) => setDraft({ ...draft, to: event.target.value })}
                className={INPUT}
              />
            )}
          </Field>
          <button
            type="submit"
            disabled={!draftIsValid}
            className={`${SECONDARY_BUTTON} ${draftIsValid ? "" : "mb-7"}`}
          >
            {t("apply")}
          </button>
          <button
            type="button"
            onClick={() => void download()}
            disabled={isDownloading || !data}
            className={`${SECONDARY_BUTTON} ${draftIsValid ? "" : "mb-7"}`}
          >
            {isDownloading ? (
              <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
            ) : (
              <Download aria-hidden="true" className="size-4" />
            )}
            {t("csv")}
          </button>
        </form>
        {downloadFailed && (
          <Notice tone="error" className="mt-3">
            {t("csvFailed")}
          </Notice>
        )}
      </Card>

      <div aria-live="polite" aria-busy={overview.isFetching}>
        {overview.isPending ? (
          <LoadingBlock lines={4} />
        ) : overview.isError ? (
          <LoadError onRetry={() => void overview.refetch()} />
        ) : (
          data && (
            <div className="space-y-6">
              <section aria-labelledby="figures-title">
                <h2 id="figures-title" className="text-lg font-semibold">
                  {t("figures", { contacts: data.contacts.total })}
                </h2>
                {data.contacts.total === 0 && (
                  <Notice tone="info" className="mt-3">
                    {t("noContacts")}
                  </Notice>
                )}
                <div className="mt-3 grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
                  <KpiCard
                    id="report-contacts"
                    label={tKpi("contacts")}
                    value={formatNumber(data.contacts.total, locale)}
                  />
                  <KpiCard
                    id="report-self-service"
                    label={tKpi("selfServiceRate")}
                    value={formatShare(data.selfServiceRate, locale)}
                    hint={tKpi("selfServiceHint")}
                  />
                  <KpiCard
                    id="report-escalation"
                    label={tKpi("escalationRate")}
                    value={formatShare(data.escalationRate, locale)}
                  />
                  <KpiCard
                    id="report-sla"
                    label={tKpi("slaCompliance")}
                    value={formatShare(data.slaCompliance, locale)}
                    hint={t("slaHint", { met: data.counts.slaMet, judged: data.counts.slaJudged })}
                  />
                  <KpiCard
                    id="report-fcr"
                    label={tKpi("fcr")}
                    value={formatShare(data.fcr, locale)}
                    hint={t("fcrHint", { fcr: data.counts.firstContactResolved, resolved: data.counts.resolved })}
                  />
                  <KpiCard
                    id="report-csat"
                    label={tKpi("csat")}
                    value={
                      data.csat === null ? "—" : tKpi("csatValue", { average: formatNumber(data.csat, locale, 2) })
                    }
                    hint={tKpi("csatHint", {
                      share: formatShare(data.csatDetail.satisfiedShare, locale),
                      responses: data.csatDetail.responses,
                    })}
                  />
                  <KpiCard
                    id="report-first-response"
                    label={tKpi("firstResponse")}
                    value={minutes(data.avgFirstResponseMinutes)}
                  />
                  <KpiCard id="report-handling" label={tKpi("handling")} value={minutes(data.avgHandlingMinutes)} />
                </div>
              </section>

              <div className="grid gap-6 lg:grid-cols-2">
                <Card id="channels-title" title={t("byChannel")}>
                  <dl className="space-y-2">
                    {CHANNELS.map((channel) => {
                      const count = data.contacts.byChannel[channel];
                      const share = data.contacts.total ? count / data.contacts.total : 0;
                      return (
                        <div key={channel}>
                          <div className="flex justify-between text-sm">
                            <dt>{tChannels(channel)}</dt>
                            <dd className="tabular-nums">
                              {formatNumber(count, locale)} · {formatShare(share, locale, 0)}
                            </dd>
                          </div>
                          <div aria-hidden="true" className="mt-1 h-2 rounded-full bg-slate-100">
                            <div className="h-2 rounded-full bg-brand-600" style={{ width: `${share * 100}%` }} />
                          </div>
                        </div>
                      );
                    })}
                  </dl>
                </Card>
                <Card id="segments-title" title={t("bySegment")}>
                  <dl className="space-y-2">
                    {SEGMENTS.map((segment) => {
                      const row = data.segments[segment];
                      return (
                        <div key={segment}>
                          <div className="flex justify-between text-sm">
                            <dt>{tSegments(segment)}</dt>
                            <dd className="tabular-nums">
                              {formatNumber(row.contacts, locale)} · {formatShare(row.share, locale, 0)}
                            </dd>
                          </div>
                          <div aria-hidden="true" className="mt-1 h-2 rounded-full bg-slate-100">
                            <div
                              className="h-2 rounded-full bg-emerald-600"
                              style={{ width: `${(row.share ?? 0) * 100}%` }}
                            />
                          </div>
                        </div>
                      );
                    })}
                  </dl>
                </Card>
              </div>

              <Card
                id="cost-title"
                title={t("costTitle")}
                description={t("costDescription", {
                  selfService: formatMoney(data.cost.selfServiceUnitCents, data.cost.currency, locale),
                  agent: formatMoney(data.cost.agentUnitCents, data.cost.currency, locale),
                })}
              >
                <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                  {[
                    { key: "costTotal", value: formatMoney(data.cost.totalCents, data.cost.currency, locale) },
                    { key: "costAllAgents", value: formatMoney(data.cost.allAgentCents, data.cost.currency, locale) },
                    { key: "costSavings", value: formatMoney(data.cost.savingsCents, data.cost.currency, locale) },
                    {
                      key: "costPerContact",
                      value:
                        data.cost.perContactCents === null
                          ? "—"
                          : formatMoney(data.cost.perContactCents, data.cost.currency, locale),
                    },
                  ].map((item) => (
                    <div key={item.key}>
                      <dt className="text-sm text-slate-600">{t(item.key as "costTotal")}</dt>
                      <dd className="text-xl font-bold tabular-nums" data-testid={`report-${item.key}`}>
                        {item.value}
                      </dd>
                    </div>
                  ))}
                </dl>
                <p className="mt-3 text-sm text-slate-600">
                  {t("costSplit", { selfService: data.cost.selfServiceContacts, agent: data.cost.agentContacts })}
                </p>
              </Card>
              <IncidentFigures data={data} />
            </div>
          )
        )}
      </div>

      <Card
        id="charts-title"
        title={t("overTime")}
        description={timeline.data ? t(`bucket.${timeline.data.bucket}`) : undefined}
      >
        {timeline.isPending ? (
          <LoadingBlock lines={4} />
        ) : timeline.isError ? (
          <LoadError onRetry={() => void timeline.refetch()} />
        ) : (
          <ReportCharts timeline={timeline.data} />
        )}
      </Card>
    </div>
  );
}
