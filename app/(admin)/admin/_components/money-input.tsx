"use client";

import { useLocale } from "next-intl";
import { useEffect, useState, type Ref } from "react";
import { formatMoneyInput, parseMoney } from "@/app/_lib/money";
import { INPUT } from "./buttons";
import type { ControlProps } from "./field";

/**
 * An amount typed in roubles and kept in kopecks. While the text is not an amount the value is
 * NaN, so the form's schema reports it; the text the person typed is kept as it is.
 */
export function MoneyInput({
  value,
  onChange,
  onBlur,
  inputRef,
  currencySymbol = "₽",
  ...control
}: ControlProps & {
  value: number;
  onChange: (cents: number) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  currencySymbol?: string;
}) {
  const locale = useLocale();
  const [text, setText] = useState(() => (Number.isFinite(value) ? formatMoneyInput(value, locale) : ""));
  useEffect(() => {
    // A reset from outside (after saving) shows the new amount.
    if (Number.isFinite(value) && parseMoney(text) !== value) setText(formatMoneyInput(value, locale));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <div className="relative">
      <input
        {...control}
        ref={inputRef}
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseMoney(event.target.value) ?? Number.NaN);
        }}
        onBlur={onBlur}
        className={`${INPUT} pr-9 tabular-nums`}
      />
      <span
        aria-hidden="true"
        className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-slate-500"
      >
        {currencySymbol}
      </span>
    </div>
  );
}
