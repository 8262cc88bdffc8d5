"use client";

import type { ReactNode } from "react";

export type FieldControlProps = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  "aria-required"?: true;
  className: string;
};

type FormFieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  isRequired?: boolean;
  optionalText?: string;
  className?: string;
  /** Renders the control with the id, state and descriptions wired for screen readers. */
  children: (props: FieldControlProps) => ReactNode;
};

export const INPUT_CLASS =
  "mt-1.5 block min-h-12 w-full rounded-lg border bg-white px-3 text-base text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none";

/** A labelled control whose hint and error are tied to it; the error appears as soon as it is known. */
export function FormField({ id, label, hint, error, isRequired, optionalText, className, children }: FormFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
        {!isRequired && optionalText && <span className="ml-1 font-normal text-slate-600">({optionalText})</span>}
      </label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
        "aria-required": isRequired ? true : undefined,
        className: `${INPUT_CLASS} ${error ? "border-red-600" : "border-slate-400"}`,
      })}
      {error && (
        <p id={errorId} className="mt-1.5 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}
