import { TrendingDown, TrendingUp } from "lucide-react";

export type Trend = { text: string; isBetter: boolean | null };

/** One headline figure, with how it moved against the previous period. */
export function KpiCard({
  id,
  label,
  value,
  hint,
  trend,
}: {
  id: string;
  label: string;
  value: string;
  hint?: string;
  trend?: Trend | null;
}) {
  const Icon = trend?.text.startsWith("−") || trend?.text.startsWith("-") ? TrendingDown : TrendingUp;
  const tone =
    trend?.isBetter === null || trend === undefined || trend === null
      ? "text-slate-600"
      : trend.isBetter
        ? "text-emerald-700"
        : "text-red-700";
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id={id} className="text-sm font-medium text-slate-600">
        {label}
      </h3>
      <p className="mt-1 text-2xl font-bold tracking-tight tabular-nums" data-testid={`${id}-value`}>
        {value}
      </p>
      {trend && (
        <p className={`mt-1 flex items-center gap-1 text-sm ${tone}`}>
          <Icon aria-hidden="true" className="size-4" />
          {trend.text}
        </p>
      )}
      {hint && <p className="mt-1 text-xs text-slate-600">{hint}</p>}
    </section>
  );
}
