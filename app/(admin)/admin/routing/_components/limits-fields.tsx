"use client";

import { useTranslations } from "next-intl";
import { Controller } from "react-hook-form";
import { INPUT } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Field } from "../../_components/field";
import { MoneyInput } from "../../_components/money-input";
import { messageAt, type PolicyForm } from "./policy-form";

const MONEY_FIELDS = [
  { name: "billDisputeEscalationCents", id: "dispute-limit", hint: "disputeHint" },
  { name: "agentCreditLimitCents", id: "agent-limit", hint: "agentLimitHint" },
  { name: "agentDailyCreditLimitCents", id: "agent-daily-limit", hint: "agentDailyHint" },
  { name: "customerMonthlyCreditLimitCents", id: "customer-monthly-limit", hint: "customerMonthlyHint" },
] as const;

/**
 * The dispute amount that forces escalation, the agents' credit limits (per bill, per agent a day,
 * per customer a month), the repeat window, the outage credits (issue 17) and the cost per contact.
 */
export function LimitsFields({ form }: { form: PolicyForm }) {
  const t = useTranslations("admin.routing");
  const tCommon = useTranslations("admin.common");
  const { control, register, formState } = form;
  const message = (path: string, options?: { isMoney?: boolean }) =>
    messageAt(formState.errors, path, (key) => tCommon(key as never), options);
  return (
    <Card id="limits-title" title={t("limits.title")} description={t("limits.description")}>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        {MONEY_FIELDS.map((item) => (
          <Controller
            key={item.name}
            control={control}
            name={item.name}
            render={({ field }) => (
              <Field
                id={item.id}
                label={t(`limits.${item.name}`)}
                hint={t(`limits.${item.hint}`)}
                error={message(item.name, { isMoney: true })}
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
        ))}
        <Field
          id="repeat-days"
          label={t("limits.repeatContactDays")}
          hint={t("limits.repeatHint")}
          error={message("repeatContactDays")}
        >
          {(props) => (
            <input
              {...props}
              {...register("repeatContactDays", { valueAsNumber: true })}
              type="number"
              inputMode="numeric"
              min={1}
              max={90}
              className={INPUT}
            />
          )}
        </Field>
      </div>

      <fieldset className="mt-6">
        <legend className="text-sm font-semibold text-slate-900">{t("limits.outageTitle")}</legend>
        <p className="text-xs text-slate-600">{t("limits.outageHint")}</p>
        <div className="mt-2 grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Field
            id="outage-threshold"
            label={t("limits.outageThreshold")}
            hint={t("limits.outageThresholdHint")}
            error={message("outageCredit.thresholdMinutes")}
          >
            {(props) => (
              <input
                {...props}
                {...register("outageCredit.thresholdMinutes", { valueAsNumber: true })}
                type="number"
                inputMode="numeric"
                min={0}
                max={60 * 24 * 7}
                className={INPUT}
              />
            )}
          </Field>
          <Field
            id="outage-rate"
            label={t("limits.outageRate")}
            hint={t("limits.outageRateHint")}
            error={message("outageCredit.ratePercent")}
          >
            {(props) => (
              <input
                {...props}
                {...register("outageCredit.ratePercent", { valueAsNumber: true })}
                type="number"
                inputMode="numeric"
                min={0}
                max={500}
                className={INPUT}
              />
            )}
          </Field>
          <Controller
            control={control}
            name="outageCredit.floorCents"
            render={({ field }) => (
              <Field
                id="outage-floor"
                label={t("limits.outageFloor")}
                hint={t("limits.outageFloorHint")}
                error={message("outageCredit.floorCents", { isMoney: true })}
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
        </div>
      </fieldset>

      <fieldset className="mt-6">
        <legend className="text-sm font-semibold text-slate-900">{t("limits.costTitle")}</legend>
        <p className="text-xs text-slate-600">{t("limits.costHint")}</p>
        <div className="mt-2 grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Field id="cost-currency" label={t("limits.currency")} error={message("costPerContact.currency")}>
            {(props) => (
              <input
                {...props}
                {...register("costPerContact.currency")}
                maxLength={3}
                autoCapitalize="characters"
                className={`${INPUT} uppercase`}
              />
            )}
          </Field>
          <Controller
            control={control}
            name="costPerContact.selfServiceCents"
            render={({ field }) => (
              <Field
                id="cost-self-service"
                label={t("limits.selfServiceCost")}
                error={message("costPerContact.selfServiceCents", { isMoney: true })}
              >
                {(props) => (
                  <MoneyInput
                    {...props}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                    currencySymbol=""
                  />
                )}
              </Field>
            )}
          />
          <Controller
            control={control}
            name="costPerContact.agentCents"
            render={({ field }) => (
              <Field
                id="cost-agent"
                label={t("limits.agentCost")}
                error={message("costPerContact.agentCents", { isMoney: true })}
              >
                {(props) => (
                  <MoneyInput
                    {...props}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                    currencySymbol=""
                  />
                )}
              </Field>
            )}
          />
        </div>
      </fieldset>
    </Card>
  );
}
