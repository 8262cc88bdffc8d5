"use client";

import { useState } from "react";

export const AGENT_BUTTON = "min-h-11 rounded-lg px-3 text-sm font-medium disabled:cursor-wait";

/**
 * An action the agent takes for the customer only after saying yes: the button, then a
 * confirmation with what will happen, and the failure (if any) above it. `onConfirm` answers
 * whether it went through; the confirmation closes only then, so a failed try can be repeated.
 */
export function ConfirmedAction({
  label,
  body,
  confirmLabel,
  pendingLabel,
  keepLabel,
  failure,
  isPending,
  onConfirm,
}: {
  label: string;
  body: string;
  confirmLabel: string;
  pendingLabel: string;
  keepLabel: string;
  failure: string | null;
  isPending: boolean;
  onConfirm: () => Promise<boolean>;
}) {
  const [isConfirming, setConfirming] = useState(false);
  return (
    <div className="space-y-2">
      {failure && (
        <p role="alert" className="text-red-800">
          {failure}
        </p>
      )}
      {isConfirming ? (
        <div role="group" aria-label={label} className="space-y-2 rounded-lg bg-amber-50 p-3">
          <p className="text-amber-950">{body}</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              onClick={async () => {
                if (await onConfirm()) setConfirming(false);
              }}
              disabled={isPending}
              className={`${AGENT_BUTTON} bg-red-700 text-white hover:bg-red-800`}
            >
              {isPending ? pendingLabel : confirmLabel}
            </button>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              disabled={isPending}
              className={`${AGENT_BUTTON} border border-slate-300 hover:bg-slate-100`}
            >
              {keepLabel}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className={`${AGENT_BUTTON} border border-slate-300 hover:bg-slate-100`}
        >
          {label}
        </button>
      )}
    </div>
  );
}
