"use client";

import { LoaderCircle, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal dialog on the native <dialog>: the browser traps focus, closes on Escape and returns
 * focus to what opened it.
 */
export function Modal({
  isOpen,
  onClose,
  title,
  children,
}: {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const t = useTranslations("agent.tariff");
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(36rem,calc(100vw-1.5rem))] rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      {isOpen && (
        <div className="max-h-[85dvh] overflow-y-auto p-5">
          <div className="flex items-start justify-between gap-3">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button
              type="button"
              onClick={onClose}
              className="-m-2 grid size-11 place-items-center rounded-lg hover:bg-slate-100"
            >
              <X aria-hidden="true" className="size-5" />
              <span className="sr-only">{t("cancel")}</span>
            </button>
          </div>
          <div className="mt-4">{children}</div>
        </div>
      )}
    </dialog>
  );
}

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
