"use client";

import { LoaderCircle } from "lucide-react";

/** A dialog form's submit (with its busy state) and cancel buttons. */
export function DialogActions({
  pending,
  disabled = false,
  submitLabel,
  pendingLabel,
  cancelLabel,
  onCancel,
}: {
  pending: boolean;
  disabled?: boolean;
  submitLabel: string;
  pendingLabel: string;
  cancelLabel: string;
  onCancel: () => void;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      <button
        type="submit"
        disabled={disabled || pending}
        aria-busy={pending}
        className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
      >
        {pending && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
        {pending ? pendingLabel : submitLabel}
      </button>
      <button type="button" onClick={onCancel} className="min-h-11 rounded-lg border border-slate-300 px-4 font-medium">
        {cancelLabel}
      </button>
    </div>
  );
}

/** A dialog's answer once its action went through: the result, said as a status, and a way out. */
export function DialogDone({
  message,
  closeLabel,
  onClose,
}: {
  message: string;
  closeLabel: string;
  onClose: () => void;
}) {
  return (
    <div className="space-y-4">
      <p role="status" className="rounded-lg bg-emerald-50 p-3 font-medium text-emerald-900">
        {message}
      </p>
      <button type="button" onClick={onClose} className="min-h-11 rounded-lg border border-slate-300 px-4 font-medium">
        {closeLabel}
      </button>
    </div>
  );
}
