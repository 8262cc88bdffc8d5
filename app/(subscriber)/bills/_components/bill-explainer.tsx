import { ArrowDownRight, ArrowUpRight, Equal, Lightbulb } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { formatPhone } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import type { RouterOutputs } from "@/app/_trpc/types";
import { formatMonth } from "../_lib/month";

type Explanation = RouterOutputs["bill"]["explain"];

/** What changed against the previous bill and why, line by line. */
export function BillExplainer({ explanation }: { explanation: Explanation }) {
  const t = useTranslations("bills");
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, explanation.currency, locale);
  const previousMonth = explanation.previous ? formatMonth(explanation.previous.periodStart, locale) : "";
  const delta = explanation.deltaCents;
  const headline = !explanation.hasPrevious
    ? t("explain.firstBill")
    : delta === 0
      ? t("explain.same", { month: previousMonth })
      : t(delta > 0 ? "explain.more" : "explain.less", { amount: money(Math.abs(delta)), month: previousMonth });
  const DeltaIcon = delta > 0 ? ArrowUpRight : delta < 0 ? ArrowDownRight : Equal;

  return (
    <section aria-labelledby="explain-title" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="explain-title" className="flex items-center gap-2 text-lg font-semibold">
        <Lightbulb aria-hidden="true" className="size-5 text-amber-600" />
        {t("explain.title")}
      </h2>
      <p className="mt-2 flex items-center gap-2 font-medium">
        <DeltaIcon
          aria-hidden="true"
          className={`size-5 shrink-0 ${delta > 0 ? "text-red-700" : delta < 0 ? "text-emerald-700" : "text-slate-500"}`}
        />
        <span>{headline}</span>
      </p>
      {explanation.lines.length > 0 && (
        <ul className="mt-3 space-y-3">
          {explanation.lines.map((line) => {
            const title = line.line?.msisdn
              ? formatPhone(line.line.msisdn)
              : line.lineId === null
                ? t("explain.account")
                : `${t("detail.homeInternet")}${line.line?.address ? `, ${line.line.address}` : ""}`;
            return (
              <li key={line.lineId ?? "account"} className="rounded-xl bg-slate-50 p-3">
                <h3 className="text-sm font-semibold tabular-nums">{title}</h3>
                <ul className="mt-1.5 space-y-2">
                  {line.changes.map((change) => (
                    <li key={`${change.kind}-${change.reason}`} className="text-sm">
                      <div className="flex items-baseline justify-between gap-3">
                        <span className="font-medium text-slate-900">{t(`explain.reasons.${change.reason}`)}</span>
                        <span
                          className={`shrink-0 font-semibold tabular-nums ${change.deltaCents > 0 ? "text-red-700" : change.deltaCents < 0 ? "text-emerald-700" : ""}`}
                        >
                          {change.deltaCents > 0 ? "+" : change.deltaCents < 0 ? "−" : ""}
                          {money(Math.abs(change.deltaCents))}
                        </span>
                      </div>
                      <p className="text-xs text-slate-600">
                        {t(`kinds.${change.kind}`)}
                        {explanation.hasPrevious &&
                          ` · ${t("explain.was", { amount: money(change.previousCents) })}, ${t("explain.now", { amount: money(change.currentCents) })}`}
                      </p>
                      {change.items.length > 0 && change.reason !== "TAX" && (
                        <ul className="mt-0.5 list-disc pl-5 text-xs text-slate-700">
                          {change.items.map((item, index) => (
                            <li key={index}>{item}</li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
