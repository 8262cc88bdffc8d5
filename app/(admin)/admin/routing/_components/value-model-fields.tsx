"use client";

import { useTranslations } from "next-intl";
import { Controller, useWatch } from "react-hook-form";
import { INPUT } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Field } from "../../_components/field";
import { MoneyInput } from "../../_components/money-input";
import { messageAt, type PolicyForm } from "./policy-form";

const WEIGHTS = ["revenue", "discipline", "breadth", "tenure", "growth"] as const;
const THRESHOLDS = ["PLATINUM", "GOLD", "SILVER"] as const;

/** Segment thresholds, the value score's weights and what scores 100 — changing any re-scores everyone. */
export function ValueModelFields({ form }: { form: PolicyForm }) {
  const t = useTranslations("admin.routing");
  const tCommon = useTranslations("admin.common");
  const tSegments = useTranslations("admin.segments");
  const { register, control, formState } = form;
  const errors = formState.errors;
  const weights = useWatch({ control, name: "valueWeights" });
  const sum = WEIGHTS.reduce((total, key) => total + (Number.isFinite(weights?.[key]) ? weights[key] : 0), 0);
  const sumIsOne = Math.abs(sum - 1) < 1e-6;
  const message = (path: string, options?: { isMoney?: boolean }) =>
    messageAt(errors, path, (key) => tCommon(key as never), options);

  return (
    <Card id="value-model-title" title={t("valueModel.title")} description={t("valueModel.description")}>
      <fieldset>
        <legend className="text-sm font-semibold text-slate-900">{t("valueModel.thresholds")}</legend>
        <p className="text-xs text-slate-600">{t("valueModel.thresholdsHint")}</p>
        <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-3">
          {THRESHOLDS.map((segment) => (
            <Field
              key={segment}
              id={`threshold-${segment}`}
              label={t("valueModel.thresholdFor", { segment: tSegments(segment) })}
              error={message(`segmentThresholds.${segment}`)}
            >
              {(props) => (
                <input
                  {...props}
                  {...register(`segmentThresholds.${segment}`, { valueAsNumber: true })}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={100}
                  step={1}
                  className={INPUT}
                />
              )}
            </Field>
          ))}
        </div>
        {message("segmentThresholds") && (
          <p role="alert" className="mt-2 text-sm font-medium text-red-700">
            {message("segmentThresholds")}
          </p>
        )}
      </fieldset>

      <fieldset className="mt-6">
        <legend className="text-sm font-semibold text-slate-900">{t("valueModel.weights")}</legend>
        <p className="text-xs text-slate-600">{t("valueModel.weightsHint")}</p>
        <div className="mt-2 grid grid-cols-2 items-end gap-3 sm:grid-cols-5">
          {WEIGHTS.map((key) => (
            <Field
              key={key}
              id={`weight-${key}`}
              label={t(`valueModel.weight.${key}`)}
              error={message(`valueWeights.${key}`)}
            >
              {(props) => (
                <input
                  {...props}
                  {...register(`valueWeights.${key}`, { valueAsNumber: true })}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={1}
                  step={0.01}
                  className={INPUT}
                />
              )}
            </Field>
          ))}
        </div>
        <p className={`mt-2 text-sm ${sumIsOne ? "text-slate-700" : "font-medium text-red-700"}`} aria-live="polite">
          {t("valueModel.weightsSum", { sum: sum.toFixed(2) })}
          {!sumIsOne && ` — ${tCommon("validation.weightsSum")}`}
        </p>
      </fieldset>

      <fieldset className="mt-6">
        <legend className="text-sm font-semibold text-slate-900">{t("valueModel.normalisation")}</legend>
        <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-3">
          <Controller
            control={control}
            name="revenueForFullScoreCents"
            render={({ field }) => (
              <Field
                id="revenue-full"
                label={t("valueModel.revenueForFull")}
                error={message("revenueForFullScoreCents", { isMoney: true })}
              >
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
          <Field id="tenure-full" label={t("valueModel.tenureForFull")} error={message("tenureForFullScoreMonths")}>
            {(props) => (
              <input
                {...props}
                {...register("tenureForFullScoreMonths", { valueAsNumber: true })}
                type="number"
                inputMode="numeric"
                min={1}
                max={600}
                className={INPUT}
              />
            )}
          </Field>
          <Field id="lines-full" label={t("valueModel.linesForFull")} error={message("linesForFullScore")}>
            {(props) => (
              <input
                {...props}
                {...register("linesForFullScore", { valueAsNumber: true })}
                type="number"
                inputMode="numeric"
                min={1}
                max={50}
                className={INPUT}
              />
            )}
          </Field>
        </div>
      </fieldset>
    </Card>
  );
}
