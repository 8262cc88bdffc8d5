"use client";

import { ArrowRight, FlaskConical, LoaderCircle } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import type { RouterOutputs } from "@/app/_trpc/types";
import { SEGMENTS } from "@/server/domain/routing/policy.schema";
import { SECONDARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Notice } from "../../_components/notice";
import { formatShare } from "../../_lib/format";

export type WhatIfResult = RouterOutputs["admin"]["policy"]["whatIf"];
export type SegmentBasis = "RESCORED" | "AT_CREATION";
type RowKey =
  | "selfServiceShare"
  | "selfService"
  | "agentQueue"
  | "personalManager"
  | "slaBreached"
  | "slaUnmeasured"
  | "cost"
  | "outageLines"
  | "outageCredits";

type Props = {
  result: WhatIfResult | undefined;
  isStale: boolean;
  isRunning: boolean;
  failed: boolean;
  canRun: boolean;
  segmentBasis: SegmentBasis;
  onSegmentBasis: (basis: SegmentBasis) => void;
  onRun: () => void;
};

function signed(value: number, text: string): string {
  return value > 0 ? `+${text}` : value < 0 ? `−${text.replace("-", "")}` : "±0";
}

/** The draft's predicted effect on the last 30 days of real contacts, against the policy in force. */
export function WhatIfPanel({
  result,
  isStale,
  isRunning,
  failed,
  canRun,
  segmentBasis,
  onSegmentBasis,
  onRun,
}: Props) {
  const t = useTranslations("admin.whatIf");
  const tSegments = useTranslations("admin.segments");
  const tDecisions = useTranslations("admin.decisions");
  const tCategories = useTranslations("admin.categories");
  const locale = useLocale();
  const number = (value: number) => formatNumber(value, locale);

  const rows: { key: RowKey; active: string; draft: string; change: string }[] = result
    ? [
        {
          key: "selfServiceShare",
          active: formatShare(result.active.selfServiceShare, locale),
          draft: formatShare(result.draft.selfServiceShare, locale),
          change: signed(
            result.draft.selfServiceShare - result.active.selfServiceShare,
            formatNumber(Math.abs(result.draft.selfServiceShare - result.active.selfServiceShare) * 100, locale, 1) +
              t("pp"),
          ),
        },
        {
          key: "selfService",
          active: number(result.active.selfService),
          draft: number(result.draft.selfService),
          change: signed(
            result.draft.selfService - result.active.selfService,
            number(Math.abs(result.draft.selfService - result.active.selfService)),
          ),
        },
        {
          key: "agentQueue",
          active: number(result.active.agentQueue),
          draft: number(result.draft.agentQueue),
          change: signed(
            result.draft.agentQueue - result.active.agentQueue,
            number(Math.abs(result.draft.agentQueue - result.active.agentQueue)),
          ),
        },
        {
          key: "personalManager",
          active: number(result.active.personalManager),
          draft: number(result.draft.personalManager),
          change: signed(
            result.draft.personalManager - result.active.personalManager,
            number(Math.abs(result.draft.personalManager - result.active.personalManager)),
          ),
        },
        {
          key: "slaBreached",
          active: t("ofMeasured", { breached: result.active.sla.breached, measured: result.active.sla.measured }),
          draft: t("ofMeasured", { breached: result.draft.sla.breached, measured: result.draft.sla.measured }),
          change: signed(
            result.draft.sla.breached - result.active.sla.breached,
            number(Math.abs(result.draft.sla.breached - result.active.sla.breached)),
          ),
        },
        {
          key: "slaUnmeasured",
          active: number(result.active.sla.unmeasured),
          draft: number(result.draft.sla.unmeasured),
          change: signed(
            result.draft.sla.unmeasured - result.active.sla.unmeasured,
            number(Math.abs(result.draft.sla.unmeasured - result.active.sla.unmeasured)),
          ),
        },
        {
          key: "cost",
          active: formatMoney(result.active.costCents, result.currencies.active, locale),
          draft: formatMoney(result.draft.costCents, result.currencies.draft, locale),
          change:
            result.currencies.active === result.currencies.draft
              ? signed(
                  result.draft.costCents - result.active.costCents,
                  formatMoney(
                    Math.abs(result.draft.costCents - result.active.costCents),
                    result.currencies.draft,
                    locale,
                  ),
                )
              : "—",
        },
        {
          key: "outageLines",
          active: number(result.outageCredits.active.lines),
          draft: number(result.outageCredits.draft.lines),
          change: signed(
            result.outageCredits.draft.lines - result.outageCredits.active.lines,
            number(Math.abs(result.outageCredits.draft.lines - result.outageCredits.active.lines)),
          ),
        },
        {
          key: "outageCredits",
          active: formatMoney(result.outageCredits.active.totalCents, "RUB", locale),
          draft: formatMoney(result.outageCredits.draft.totalCents, "RUB", locale),
          change: signed(
            result.outageCredits.draft.totalCents - result.outageCredits.active.totalCents,
            formatMoney(
              Math.abs(result.outageCredits.draft.totalCents - result.outageCredits.active.totalCents),
              "RUB",
              locale,
            ),
          ),
        },
      ]
    : [];

  return (
    <Card
      id="what-if-title"
      title={t("title")}
      description={t("description")}
      actions={
        <button type="button" onClick={onRun} disabled={!canRun || isRunning} className={SECONDARY_BUTTON}>
          {isRunning ? (
            <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
          ) : (
            <FlaskConical aria-hidden="true" className="size-4" />
          )}
          {t("run")}
        </button>
      }
    >
      <fieldset className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <legend className="sr-only">{t("basisLegend")}</legend>
        {(["RESCORED", "AT_CREATION"] as const).map((basis) => (
          <label key={basis} className="flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="segment-basis"
              className="size-4 accent-brand-600"
              checked={segmentBasis === basis}
              onChange={() => onSegmentBasis(basis)}
            />
            {t(`basis.${basis}`)}
          </label>
        ))}
      </fieldset>
      <div aria-live="polite" className="mt-3 space-y-4">
        {!canRun && <Notice tone="info">{t("fixFirst")}</Notice>}
        {failed && <Notice tone="error">{t("failed")}</Notice>}
        {!result && !failed && canRun && !isRunning && <p className="text-sm text-slate-600">{t("notRunYet")}</p>}
        {result && (
          <div className={isStale ? "opacity-60" : undefined}>
            {isStale && (
              <Notice tone="info" className="mb-3">
                {t("stale")}
              </Notice>
            )}
            <p className="text-sm text-slate-800" data-testid="what-if-summary">
              {t("summary", {
                contacts: result.active.contacts,
                days: result.days,
                changed: result.changed,
                version: result.activeVersion,
              })}
            </p>
            <p className="mt-1 text-xs text-slate-600">
              {t(`basisNote.${result.segmentBasis}`)}
              {result.withoutValueFacts > 0 && ` ${t("withoutFacts", { count: result.withoutValueFacts })}`}
            </p>
            <div className="-mx-4 mt-3 overflow-x-auto px-4 sm:mx-0 sm:px-0">
              <table className="w-full min-w-[20rem] text-sm">
                <caption className="sr-only">{t("tableCaption")}</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-left text-slate-600">
                    <th scope="col" className="py-2 pr-2 font-medium">
                      {t("metric")}
                    </th>
                    <th scope="col" className="px-2 py-2 text-right font-medium">
                      {t("active", { version: result.activeVersion })}
                    </th>
                    <th scope="col" className="px-2 py-2 text-right font-medium">
                      {t("draft")}
                    </th>
                    <th scope="col" className="py-2 pl-2 text-right font-medium">
                      {t("change")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr
                      key={row.key}
                      className="border-b border-slate-100 last:border-0"
                      data-testid={`what-if-${row.key}`}
                    >
                      <th scope="row" className="py-2 pr-2 text-left font-normal">
                        {t(`rows.${row.key}`)}
                      </th>
                      <td className="px-2 py-2 text-right tabular-nums">{row.active}</td>
                      <td className="px-2 py-2 text-right font-semibold tabular-nums">{row.draft}</td>
                      <td className="py-2 pl-2 text-right tabular-nums">{row.change}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>

            <h3 className="mt-5 text-sm font-semibold">{t("loadTitle")}</h3>
            <ul className="mt-2 space-y-2">
              {SEGMENTS.map((segment) => {
                const before = result.active.agentLoadBySegment[segment];
                const after = result.draft.agentLoadBySegment[segment];
                const max = Math.max(
                  1,
                  ...SEGMENTS.map((s) =>
                    Math.max(result.active.agentLoadBySegment[s], result.draft.agentLoadBySegment[s]),
                  ),
                );
                return (
                  <li key={segment} data-testid={`what-if-load-${segment}`}>
                    <div className="flex justify-between gap-2 text-sm">
                      <span>{tSegments(segment)}</span>
                      <span className="tabular-nums">{t("loadChange", { before, after })}</span>
                    </div>
                    <div aria-hidden="true" className="mt-1 space-y-0.5">
                      <div className="h-1.5 rounded-full bg-slate-300" style={{ width: `${(before / max) * 100}%` }} />
                      <div className="h-1.5 rounded-full bg-brand-600" style={{ width: `${(after / max) * 100}%` }} />
                    </div>
                  </li>
                );
              })}
            </ul>
            <p className="mt-1 text-xs text-slate-600">{t("loadLegend")}</p>

            {result.samples.length > 0 && (
              <>
                <h3 className="mt-5 text-sm font-semibold">{t("samplesTitle", { count: result.changed })}</h3>
                <ul className="mt-2 divide-y divide-slate-100 text-sm">
                  {result.samples.map((sample) => (
                    <li key={sample.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 py-1.5">
                      <span className="tabular-nums text-slate-600">#{sample.number}</span>
                      <span>{tCategories(sample.category)}</span>
                      <span className="text-slate-600">
                        {sample.segmentActive === sample.segmentDraft
                          ? tSegments(sample.segmentDraft)
                          : `${tSegments(sample.segmentActive)} → ${tSegments(sample.segmentDraft)}`}
                      </span>
                      <span className="flex items-center gap-1 font-medium">
                        {tDecisions(sample.decisionActive)}
                        <ArrowRight aria-label={t("becomes")} className="size-4" />
                        {tDecisions(sample.decisionDraft)}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </Card>
  );
}
