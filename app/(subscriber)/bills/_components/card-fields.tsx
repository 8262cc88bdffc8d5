"use client";

import { useTranslations } from "next-intl";
import { Controller, type FieldErrors, type Path, type UseFormReturn } from "react-hook-form";
import { IMaskInput } from "react-imask";
import { z } from "zod";
import { digitsOf, isExpiryValid, isLuhnValid } from "../_lib/test-card-tokenizer";

export type CardValues = { cardNumber: string; expiry: string; cvc: string };

export const inputClass = (hasError: boolean) =>
  `mt-1.5 block min-h-12 w-full rounded-lg border bg-white px-3 text-base text-slate-900 tabular-nums shadow-xs placeholder:text-slate-400 focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none ${
    hasError ? "border-red-600" : "border-slate-400"
  }`;

/** The card form's checks, with the messages of `bills.pay.errors`. */
export function useCardSchema() {
  const t = useTranslations("bills.pay");
  return z.object({
    cardNumber: z
      .string()
      .refine((value) => digitsOf(value).length === 16, t("errors.cardNumber"))
      .refine(isLuhnValid, t("errors.cardNumberInvalid")),
    expiry: z
      .string()
      .regex(/^\d{2}\/\d{2}$/, t("errors.expiry"))
      .refine((value) => isExpiryValid(value), t("errors.expired")),
    cvc: z.string().regex(/^\d{3}$/, t("errors.cvc")),
  });
}

/**
 * The test provider's card fields (number, expiry, CVC) inside a form whose values include them:
 * the pay panel and autopay share them. The number is turned into a token in the browser
 * (tokenizeTestCard); it never reaches the server.
 */
export function CardFields<T extends CardValues>({ form, id }: { form: UseFormReturn<T>; id: string }) {
  const t = useTranslations("bills.pay");
  const errors = form.formState.errors as FieldErrors<CardValues>;
  const masked = (name: "cardNumber" | "expiry", mask: string, autoComplete: string, placeholder: string) => (
    <Controller
      control={form.control}
      name={name as Path<T>}
      render={({ field }) => (
        <IMaskInput
          id={`${id}-${name}`}
          mask={mask}
          inputMode="numeric"
          autoComplete={autoComplete}
          placeholder={placeholder}
          value={field.value as string}
          onAccept={(value: string) => field.onChange(value)}
          onBlur={field.onBlur}
          inputRef={field.ref}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
          className={inputClass(Boolean(errors[name]))}
        />
      )}
    />
  );
  const error = (name: keyof CardValues) =>
    errors[name] && (
      <p id={`${id}-${name}-error`} className="mt-1.5 text-sm font-medium text-red-700">
        {errors[name].message}
      </p>
    );

  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <div className="col-span-2">
        <label htmlFor={`${id}-cardNumber`} className="block text-sm font-medium text-slate-900">
          {t("cardNumber")}
        </label>
        {masked("cardNumber", "0000 0000 0000 0000", "cc-number", "0000 0000 0000 0000")}
        {error("cardNumber")}
      </div>
      <div>
        <label htmlFor={`${id}-expiry`} className="block text-sm font-medium text-slate-900">
          {t("expiry")}
        </label>
        {masked("expiry", "00/00", "cc-exp", "MM/YY")}
        {error("expiry")}
      </div>
      <div>
        <label htmlFor={`${id}-cvc`} className="block text-sm font-medium text-slate-900">
          {t("cvc")}
        </label>
        <input
          id={`${id}-cvc`}
          type="password"
          inputMode="numeric"
          autoComplete="cc-csc"
          maxLength={3}
          {...form.register("cvc" as Path<T>)}
          aria-invalid={errors.cvc ? true : undefined}
          aria-describedby={`${id}-cvc-hint${errors.cvc ? ` ${id}-cvc-error` : ""}`}
          className={inputClass(Boolean(errors.cvc))}
        />
        <p id={`${id}-cvc-hint`} className="sr-only">
          {t("cvcHint")}
        </p>
        {error("cvc")}
      </div>
    </div>
  );
}
