type UsageMeterProps = {
  id: string;
  label: string;
  used: number;
  /** null means unlimited. */
  included: number | null;
  /** Renders an amount in this meter's unit, e.g. "120 min". */
  formatAmount: (value: number) => string;
  usedOfText: (used: string, included: string) => string;
  unlimitedText: (used: string) => string;
};

/** One allowance: a bar against the included amount, or the usage alone when unlimited. */
export function UsageMeter({ id, label, used, included, formatAmount, usedOfText, unlimitedText }: UsageMeterProps) {
  const labelId = `${id}-label`;
  if (included === null) {
    return (
      <div>
        <div className="flex items-baseline justify-between gap-3 text-sm">
          <span className="font-medium text-slate-900">{label}</span>
          <span className="text-right text-slate-700">{unlimitedText(formatAmount(used))}</span>
        </div>
        <div aria-hidden="true" className="mt-1.5 h-2 rounded-full bg-gradient-to-r from-brand-100 to-brand-200" />
      </div>
    );
  }

  const share = included > 0 ? Math.min(used / included, 1) : used > 0 ? 1 : 0;
  const isOver = used > included;
  const valueText = usedOfText(formatAmount(used), formatAmount(included));
  const barColour = isOver || share >= 1 ? "bg-red-600" : share >= 0.8 ? "bg-amber-500" : "bg-brand-600";
  return (
    <div>
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span id={labelId} className="font-medium text-slate-900">
          {label}
        </span>
        <span className={`text-right ${isOver ? "font-medium text-red-700" : "text-slate-700"}`}>{valueText}</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={included}
        aria-valuenow={Math.min(used, included)}
        aria-valuetext={valueText}
        className="mt-1.5 h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full rounded-full ${barColour}`} style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}
