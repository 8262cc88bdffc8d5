"use client";

import { useEffect, type InputHTMLAttributes, type Ref } from "react";
import { useIMask } from "react-imask";

type MaskedInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "defaultValue"> & {
  /** An imask pattern: `0` is a digit, `{7}` a fixed character. */
  mask: string;
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
};

/** A text input that formats as it is typed (passport, phone, date), for react-hook-form's Controller. */
export function MaskedInput({ mask, value, onChange, inputRef, ...inputProps }: MaskedInputProps) {
  const {
    ref,
    value: shown,
    setValue,
  } = useIMask<HTMLInputElement>(
    { mask, lazy: true },
    { defaultValue: value, onAccept: (accepted) => onChange(accepted) },
  );

  // A value set from outside (a reset, a retry) reaches the mask too.
  useEffect(() => {
    if (value !== shown) setValue(value);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  return (
    <input
      {...inputProps}
      ref={(element) => {
        ref.current = element;
        if (typeof inputRef === "function") inputRef(element);
        else if (inputRef) (inputRef as { current: HTMLInputElement | null }).current = element;
      }}
    />
  );
}

type FieldBinding = {
  value?: string | null;
  onChange: (value: string) => void;
  onBlur: () => void;
  ref: Ref<HTMLInputElement>;
};

/** A Russian phone number input (+7 (916) 123-45-67) bound to a react-hook-form field. */
export function PhoneInput({
  field,
  ...inputProps
}: Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "defaultValue"> & { field: FieldBinding }) {
  return (
    <MaskedInput
      {...inputProps}
      mask="+{7} (000) 000-00-00"
      type="tel"
      inputMode="tel"
      autoComplete="off"
      placeholder="+7 (916) 123-45-67"
      value={field.value ?? ""}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
    />
  );
}

/** "1990-05-17" ↔ "17.05.1990"; anything half-typed stays as typed. */
export function isoToDisplayDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}

export function displayToIsoDate(value: string): string {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : value;
}
