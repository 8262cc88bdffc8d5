import { CircleAlert, CircleCheck, Info } from "lucide-react";
import type { ReactNode } from "react";

const STYLES = {
  error: "border-red-200 bg-red-50 text-red-800",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  info: "border-slate-200 bg-slate-50 text-slate-800",
} as const;

/** What a form's last action came to, shown in a Notice. */
export type Outcome = { tone: "success" | "error"; text: string };

/** An editor's last outcome, held above a form that remounts on save so the message stays. */
export type OutcomeState = { outcome: Outcome | null; setOutcome: (outcome: Outcome | null) => void };

/** A message about what just happened. Only errors are alerts; the rest are polite status updates. */
export function Notice({
  tone,
  children,
  className = "",
}: {
  tone: keyof typeof STYLES;
  children: ReactNode;
  className?: string;
}) {
  const Icon = tone === "error" ? CircleAlert : tone === "success" ? CircleCheck : Info;
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`flex gap-3 rounded-lg border p-3 text-sm ${STYLES[tone]} ${className}`}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
