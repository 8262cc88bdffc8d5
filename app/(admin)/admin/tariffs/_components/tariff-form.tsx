"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { Controller, useForm, type FieldErrors } from "react-hook-form";
import type { z } from "zod";
import { useServerErrors, type FieldIssue } from "@/app/_lib/form-errors";
import { createTariffInput } from "@/server/domain/admin/admin.schema";
import { SEGMENTS } from "@/server/domain/routing/policy.schema";
import { INPUT, PRIMARY_BUTTON, SECONDARY_BUTTON } from "../../_components/buttons";
import { Field } from "../../_components/field";
import { MoneyInput } from "../../_components/money-input";
import { validationKey } from "../../_lib/validation";

export const tariffFormSchema = createTariffInput.omit({ idempotencyKey: true });
export type TariffFormInput = z.input<typeof tariffFormSchema>;
export type TariffFormValues = z.output<typeof tariffFormSchema>;

export const EMPTY_TARIFF: TariffFormInput = {
  code: "",
  name: "",
  nameEn: "",
  description: "",
  descriptionEn: "",
  kind: "MOBILE",
  monthlyFeeCents: Number.NaN,
  minutes: 300,
  sms: 100,
  dataMb: 10 * 1024,
  minuteCents: 250,
  smsCents: 200,
  dataBlockCents: 1_500,
  openToSegments: [],
  soldToNewCustomers: true,
  minTermMonths: 0,
};

const MONEY = new Set(["monthlyFeeCents", "minuteCents", "smsCents", "dataBlockCents"]);
const TEXT = new Set(["code", "name", "nameEn", "description", "descriptionEn"]);
const ALLOWANCES = ["minutes", "sms", "dataMb"] as const;

/** Creates or edits a tariff: names and descriptions in both languages, price, allowances, overage and availability. */
export function TariffForm({
  initial,
  isEdit,
  isPending,
  onSubmit,
  onCancel,
}: {
  initial: TariffFormInput;
  isEdit: boolean;
  isPending: boolean;
  /** Rejects with the server's error when the save fails; its field errors are then shown here. */
  onSubmit: (values: TariffFormValues) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useTranslations("admin.tariffs.form");
  const tCommon = useTranslations("admin.common");
  const tSegments = useTranslations("admin.segments");
  const form = useForm<TariffFormInput, unknown, TariffFormValues>({
    resolver: zodResolver(tariffFormSchema),
    defaultValues: initial,
    mode: "onTouched",
  });
  const { register, control, handleSubmit, formState } = form;
  const placeServerErrors = useServerErrors(form);
  const errors = formState.errors as FieldErrors<Record<string, unknown>>;
  const message = (name: string) => {
    const error = errors[name] as FieldIssue | undefined;
    if (error?.type === "server") {
      if (name === "code") return t("codeTaken");
      if (name === "minutes" || name === "sms") return t("homeInternetZero");
      if (name === "kind") return t("kindLocked");
    }
    const key = validationKey(error, { isMoney: MONEY.has(name), isText: TEXT.has(name) });
    return key ? tCommon(`validation.${key}`) : undefined;
  };

  return (
    <form
      noValidate
      onSubmit={handleSubmit((values) => onSubmit(values).catch(placeServerErrors))}
      aria-busy={isPending}
      className="space-y-5"
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="tariff-code" label={t("code")} hint={t("codeHint")} error={message("code")}>
          {(props) => (
            <input
              {...props}
              {...register("code")}
              disabled={isEdit}
              autoCapitalize="characters"
              autoComplete="off"
              className={`${INPUT} uppercase disabled:bg-slate-100`}
            />
          )}
        </Field>
        <Field id="tariff-name" label={t("name")} error={message("name")}>
          {(props) => <input {...props} {...register("name")} autoComplete="off" className={INPUT} />}
        </Field>
        <Field id="tariff-name-en" label={t("nameEn")} error={message("nameEn")}>
          {(props) => <input {...props} {...register("nameEn")} lang="en" autoComplete="off" className={INPUT} />}
        </Field>
        <Field
          id="tariff-description"
          label={t("description")}
          error={message("description")}
          className="sm:col-span-3 lg:col-span-1"
        >
          {(props) => <textarea {...props} {...register("description")} rows={3} className={`${INPUT} py-2`} />}
        </Field>
        <Field
          id="tariff-description-en"
          label={t("descriptionEn")}
          error={message("descriptionEn")}
          className="sm:col-span-3 lg:col-span-1"
        >
          {(props) => (
            <textarea {...props} {...register("descriptionEn")} lang="en" rows={3} className={`${INPUT} py-2`} />
          )}
        </Field>
        <Field id="tariff-kind" label={t("kind")} error={message("kind")}>
          {(props) => (
            <select {...props} {...register("kind")} className={INPUT}>
              <option value="MOBILE">{t("kinds.MOBILE")}</option>
              <option value="HOME_INTERNET">{t("kinds.HOME_INTERNET")}</option>
            </select>
          )}
        </Field>
      </div>

      <fieldset>
        <legend className="text-sm font-semibold">{t("priceTitle")}</legend>
        <div className="mt-2 grid items-end gap-4 sm:grid-cols-4">
          {(["monthlyFeeCents", "minuteCents", "smsCents", "dataBlockCents"] as const).map((name) => (
            <Controller
              key={name}
              control={control}
              name={name}
              render={({ field }) => (
                <Field id={`tariff-${name}`} label={t(name)} error={message(name)}>
                  {(props) => (
                    <MoneyInput
                      {...props}
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      inputRef={field.ref}
                    />
                  )}
                </Field>
              )}
            />
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-semibold">{t("allowancesTitle")}</legend>
        <p className="text-xs text-slate-600">{t("allowancesHint")}</p>
        <div className="mt-2 grid gap-4 sm:grid-cols-3">
          {ALLOWANCES.map((name) => (
            <Controller
              key={name}
              control={control}
              name={name}
              render={({ field }) => {
                const isUnlimited = field.value === null;
                const shown =
                  name === "dataMb" && typeof field.value === "number"
                    ? Math.round((field.value / 1024) * 100) / 100
                    : field.value;
                return (
                  <Field id={`tariff-${name}`} label={t(name)} error={message(name)}>
                    {(props) => (
                      <div className="space-y-1">
                        <input
                          {...props}
                          type="number"
                          inputMode="decimal"
                          min={0}
                          step={name === "dataMb" ? 0.5 : 1}
                          disabled={isUnlimited}
                          value={isUnlimited || shown === undefined || Number.isNaN(shown) ? "" : String(shown)}
                          onChange={(event) => {
                            const raw = event.target.value;
                            const number = raw === "" ? Number.NaN : Number(raw);
                            field.onChange(name === "dataMb" ? Math.round(number * 1024) : number);
                          }}
                          onBlur={field.onBlur}
                          className={`${INPUT} disabled:bg-slate-100`}
                        />
                        <label className="flex min-h-11 items-center gap-2 text-sm">
                          <input
                            type="checkbox"
                            className="size-4 accent-brand-600"
                            checked={isUnlimited}
                            onChange={(event) => field.onChange(event.target.checked ? null : 0)}
                          />
                          {t("unlimited")}
                        </label>
                      </div>
                    )}
                  </Field>
                );
              }}
            />
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-semibold">{t("availabilityTitle")}</legend>
        <Controller
          control={control}
          name="openToSegments"
          render={({ field }) => (
            <div className="mt-2">
              <p id="segments-hint" className="text-xs text-slate-600">
                {t("segmentsHint")}
              </p>
              <div className="mt-1 flex flex-wrap gap-x-5" role="group" aria-describedby="segments-hint">
                {SEGMENTS.map((segment) => (
                  <label key={segment} className="flex min-h-11 items-center gap-2">
                    <input
                      type="checkbox"
                      className="size-4 accent-brand-600"
                      checked={field.value?.includes(segment) ?? false}
                      onChange={(event) =>
                        field.onChange(
                          event.target.checked
                            ? [...(field.value ?? []), segment]
                            : (field.value ?? []).filter((value) => value !== segment),
                        )
                      }
                    />
                    {tSegments(segment)}
                  </label>
                ))}
              </div>
            </div>
          )}
        />
        <div className="mt-2 grid gap-4 sm:grid-cols-3">
          <label className="flex min-h-11 items-center gap-2 sm:col-span-2">
            <input type="checkbox" className="size-4 accent-brand-600" {...register("soldToNewCustomers")} />
            {t("soldToNewCustomers")}
          </label>
          <Field id="tariff-min-term" label={t("minTermMonths")} error={message("minTermMonths")}>
            {(props) => (
              <input
                {...props}
                {...register("minTermMonths", { valueAsNumber: true })}
                type="number"
                inputMode="numeric"
                min={0}
                max={36}
                className={INPUT}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={isPending} className={PRIMARY_BUTTON}>
          {isPending && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
          {isEdit ? t("saveChanges") : t("create")}
        </button>
        <button type="button" onClick={onCancel} className={SECONDARY_BUTTON}>
          {tCommon("cancel")}
        </button>
      </div>
    </form>
  );
}
