"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { LoaderCircle } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Controller, useForm, useWatch, type FieldErrors } from "react-hook-form";
import type { z } from "zod";
import { useServerErrors, type FieldIssue } from "@/app/_lib/form-errors";
import { createAddonInput } from "@/server/domain/admin/addon-admin.schema";
import { INPUT, PRIMARY_BUTTON, SECONDARY_BUTTON } from "../../_components/buttons";
import { Field } from "../../_components/field";
import { MoneyInput } from "../../_components/money-input";
import { validationKey } from "../../_lib/validation";

export const addonFormSchema = createAddonInput.omit({ idempotencyKey: true });
export type AddonFormInput = z.input<typeof addonFormSchema>;
export type AddonFormValues = z.output<typeof addonFormSchema>;

export const EMPTY_ADDON: AddonFormInput = {
  id: "add_",
  kind: "DATA",
  name: "",
  nameEn: "",
  description: "",
  descriptionEn: "",
  priceCents: Number.NaN,
  dataMb: 5 * 1024,
  minutes: null,
  validityDays: 30,
  zoneId: null,
  eligibleTariffIds: [],
  renewal: "ONE_OFF",
};

type Choice = { id: string; name: string; nameEn: string };

const TEXT = new Set(["id", "name", "nameEn", "description", "descriptionEn"]);

/**
 * Creates or edits an add-on: names in both languages, price, what it adds (data, minutes or both),
 * how long it lasts, the zone of a roaming pass, the tariffs it is sold on and whether it renews.
 */
export function AddonForm({
  initial,
  isEdit,
  isPending,
  zones,
  tariffs,
  onSubmit,
  onCancel,
}: {
  initial: AddonFormInput;
  isEdit: boolean;
  isPending: boolean;
  zones: Choice[];
  /** The mobile tariffs an add-on can be limited to. */
  tariffs: Choice[];
  /** Rejects with the server's error when the save fails; its field errors are then shown here. */
  onSubmit: (values: AddonFormValues) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useTranslations("admin.addons.form");
  const tCommon = useTranslations("admin.common");
  const locale = useLocale();
  const form = useForm<AddonFormInput, unknown, AddonFormValues>({
    resolver: zodResolver(addonFormSchema),
    defaultValues: initial,
    mode: "onTouched",
  });
  const { register, control, handleSubmit, formState, setValue } = form;
  const kind = useWatch({ control, name: "kind" });
  const placeServerErrors = useServerErrors(form);
  const errors = formState.errors as FieldErrors<Record<string, unknown>>;
  const message = (name: string) => {
    const error = errors[name] as FieldIssue | undefined;
    if (error?.type === "server") {
      if (name === "id") return t("idTaken");
      if (name === "zoneId") return t("zoneNeeded");
      if (name === "dataMb") return t("addsNothing");
      if (name === "eligibleTariffIds") return t("tariffsInvalid");
    }
    if (name === "id" && error) return t("idHint");
    const key = validationKey(error, { isMoney: name === "priceCents", isText: TEXT.has(name) });
    return key ? tCommon(`validation.${key}`) : undefined;
  };
  const nameOf = (choice: Choice) => (locale === "en" ? choice.nameEn : choice.name);

  return (
    <form
      noValidate
      onSubmit={handleSubmit((values) => onSubmit(values).catch(placeServerErrors))}
      aria-busy={isPending}
      className="space-y-5"
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="addon-id" label={t("id")} hint={isEdit ? undefined : t("idHint")} error={message("id")}>
          {(props) => (
            <input
              {...props}
              {...register("id")}
              disabled={isEdit}
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              className={`${INPUT} disabled:bg-slate-100`}
            />
          )}
        </Field>
        <Field id="addon-name" label={t("name")} error={message("name")}>
          {(props) => <input {...props} {...register("name")} autoComplete="off" className={INPUT} />}
        </Field>
        <Field id="addon-name-en" label={t("nameEn")} error={message("nameEn")}>
          {(props) => <input {...props} {...register("nameEn")} lang="en" autoComplete="off" className={INPUT} />}
        </Field>
        <Field id="addon-description" label={t("description")} error={message("description")}>
          {(props) => <textarea {...props} {...register("description")} rows={3} className={`${INPUT} py-2`} />}
        </Field>
        <Field id="addon-description-en" label={t("descriptionEn")} error={message("descriptionEn")}>
          {(props) => (
            <textarea {...props} {...register("descriptionEn")} lang="en" rows={3} className={`${INPUT} py-2`} />
          )}
        </Field>
        <Field id="addon-kind" label={t("kind")} error={message("kind")}>
          {(props) => (
            <select
              {...props}
              {...register("kind", {
                onChange: (event: { target: { value: string } }) => {
                  if (event.target.value !== "ROAMING") setValue("zoneId", null);
                  else if (zones[0]) setValue("zoneId", zones[0].id);
                },
              })}
              className={INPUT}
            >
              {(["DATA", "MINUTES", "ROAMING"] as const).map((option) => (
                <option key={option} value={option}>
                  {t(`kinds.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <fieldset>
        <legend className="text-sm font-semibold">{t("offerTitle")}</legend>
        <p className="text-xs text-slate-600">{t("offerHint")}</p>
        <div className="mt-2 grid items-start gap-4 sm:grid-cols-4">
          <Controller
            control={control}
            name="priceCents"
            render={({ field }) => (
              <Field id="addon-price" label={t("priceCents")} error={message("priceCents")}>
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
          {(["dataMb", "minutes"] as const).map((name) => (
            <Controller
              key={name}
              control={control}
              name={name}
              render={({ field }) => {
                const shown =
                  typeof field.value === "number" && name === "dataMb"
                    ? Math.round((field.value / 1024) * 100) / 100
                    : field.value;
                return (
                  <Field id={`addon-${name}`} label={t(name)} error={message(name)}>
                    {(props) => (
                      <input
                        {...props}
                        type="number"
                        inputMode="decimal"
                        min={0}
                        step={name === "dataMb" ? 0.5 : 1}
                        placeholder={t("none")}
                        value={shown === null || shown === undefined || Number.isNaN(shown) ? "" : String(shown)}
                        onChange={(event) => {
                          const raw = event.target.value;
                          if (raw === "") return field.onChange(null);
                          const number = Number(raw);
                          field.onChange(name === "dataMb" ? Math.round(number * 1024) : number);
                        }}
                        onBlur={field.onBlur}
                        className={INPUT}
                      />
                    )}
                  </Field>
                );
              }}
            />
          ))}
          <Field id="addon-validity" label={t("validityDays")} error={message("validityDays")}>
            {(props) => (
              <input
                {...props}
                {...register("validityDays", { valueAsNumber: true })}
                type="number"
                inputMode="numeric"
                min={1}
                max={366}
                className={INPUT}
              />
            )}
          </Field>
          {kind === "ROAMING" && (
            <Field id="addon-zone" label={t("zoneId")} error={message("zoneId")}>
              {(props) => (
                <select
                  {...props}
                  {...register("zoneId", { setValueAs: (value: string | null) => value || null })}
                  className={INPUT}
                >
                  {zones.map((zone) => (
                    <option key={zone.id} value={zone.id}>
                      {nameOf(zone)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field id="addon-renewal" label={t("renewal")} error={message("renewal")}>
            {(props) => (
              <select {...props} {...register("renewal")} className={INPUT}>
                <option value="ONE_OFF">{t("renewals.ONE_OFF")}</option>
                <option value="MONTHLY">{t("renewals.MONTHLY")}</option>
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-semibold">{t("tariffsTitle")}</legend>
        <Controller
          control={control}
          name="eligibleTariffIds"
          render={({ field }) => (
            <div className="mt-1">
              <p id="addon-tariffs-hint" className="text-xs text-slate-600">
                {t("tariffsHint")}
              </p>
              <div className="mt-1 flex flex-wrap gap-x-5" role="group" aria-describedby="addon-tariffs-hint">
                {tariffs.map((tariff) => (
                  <label key={tariff.id} className="flex min-h-11 items-center gap-2">
                    <input
                      type="checkbox"
                      className="size-4 accent-brand-600"
                      checked={field.value?.includes(tariff.id) ?? false}
                      onChange={(event) =>
                        field.onChange(
                          event.target.checked
                            ? [...(field.value ?? []), tariff.id]
                            : (field.value ?? []).filter((id) => id !== tariff.id),
                        )
                      }
                    />
                    {nameOf(tariff)}
                  </label>
                ))}
              </div>
              {message("eligibleTariffIds") && (
                <p className="mt-1 text-sm font-medium text-red-700">{message("eligibleTariffIds")}</p>
              )}
            </div>
          )}
        />
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
