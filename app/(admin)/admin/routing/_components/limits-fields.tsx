"use client";

import { useTranslations } from "next-intl";
import { Controller, type FieldPathByValue } from "react-hook-form";
import type { RoutingPolicyConfig } from "@/server/domain/routing/policy.schema";
import { INPUT } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Field } from "../../_components/field";
import { MoneyInput } from "../../_components/money-input";
import { messageAt, type PolicyForm } from "./policy-form";

type NumberPath = FieldPathByValue<RoutingPolicyConfig, number>;

const MONEY_FIELDS = [
  { name: "billDisputeEscalationCents", id: "dispute-limit", hint: "disputeHint" },
  { name: "agentCreditLimitCents", id: "agent-limit", hint: "agentLimitHint" },
  { name: "agentDailyCreditLimitCents", id: "agent-daily-limit", hint: "agentDailyHint" },
  { name: "customerMonthlyCreditLimitCents", id: "customer-monthly-limit", hint: "customerMonthlyHint" },
] as const;

type FieldText = { id: string; label: string; hint?: string };

/** An amount of the policy typed in roubles, kept in kopecks, with its field's message. */
function MoneyField({
  form,
  name,
  currencySymbol,
  ...text
}: FieldText & { form: PolicyForm; name: NumberPath; currencySymbol?: string }) {
  const tCommon = useTranslations("admin.common");
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Field
          {...text}
          error={messageAt(form.formState.errors, name, (key) => tCommon(key as never), { isMoney: true })}
        >
          {(props) => (
            <MoneyInput
              {...props}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              currencySymbol={currencySymbol}
            />
          )}
        </Field>
      )}
    />
  );
}

/** A whole number of the policy between `min` and `max`, with its field's message. */
function WholeNumberField({
  form,
  name,
  min,
  max,
  ...text
}: FieldText & { form: PolicyForm; name: NumberPath; min: number; max: number }) {
  const tCommon = useTranslations("admin.common");
  return (
    <Field {...text} error={messageAt(form.formState.errors, name, (key) => tCommon(key as never))}>
      {(props) => (
        <input
          {...props}
          {...form.register(name, { valueAsNumber: true })}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          className={INPUT}
        />
      )}
    </Field>
  );
}

/**
 * The dispute amount that forces escalation, the agents' credit limits (per bill, per agent a day,
 * per customer a month), the repeat window, the outage credits (issue 17) and the cost per contact.
 */
export function LimitsFields({ form }: { form: PolicyForm }) {
  const t = useTranslations("admin.routing");
  const tCommon = useTranslations("admin.common");
  return (
    <Card id="limits-title" title={t("limits.title")} description={t("limits.description")}>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        {MONEY_FIELDS.map((item) => (
          <MoneyField
            key={item.name}
            form={form}
            name={item.name}
            id={item.id}
            label={t(`limits.${item.name}`)}
            hint={t(`limits.${item.hint}`)}
          />
        ))}
        <WholeNumberField
          form={form}
          name="repeatContactDays"
          id="repeat-days"
          label={t("limits.repeatContactDays")}
          hint={t("limits.repeatHint")}
          min={1}
          max={90}
        />
      </div>

      <fieldset className="mt-6">
        <legend className="text-sm font-semibold text-slate-900">{t("limits.outageTitle")}</legend>
        <p className="text-xs text-slate-600">{t("limits.outageHint")}</p>
        <div className="mt-2 grid grid-cols-1 gap-4 sm:grid-cols-3">
          <WholeNumberField
            form={form}
            name="outageCredit.thresholdMinutes"
            id="outage-threshold"
            label={t("limits.outageThreshold")}
            hint={t("limits.outageThresholdHint")}
            min={0}
            max={60 * 24 * 7}
          />
          <WholeNumberField
            form={form}
            name="outageCredit.ratePercent"
            id="outage-rate"
            label={t("limits.outageRate")}
            hint={t("limits.outageRateHint")}
            min={0}
            max={500}
          />
          <MoneyField
            form={form}
            name="outageCredit.floorCents"
            id="outage-floor"
            label={t("limits.outageFloor")}
            hint={t("limits.outageFloorHint")}
          />
        </div>
      </fieldset>

      <fieldset className="mt-6">
        <legend className="text-sm font-semibold text-slate-900">{t("limits.costTitle")}</legend>
        <p className="text-xs text-slate-600">{t("limits.costHint")}</p>
        <div className="mt-2 grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Field
            id="cost-currency"
            label={t("limits.currency")}
            error={messageAt(form.formState.errors, "costPerContact.currency", (key) => tCommon(key as never))}
          >
            {(props) => (
              <input
                {...props}
                {...form.register("costPerContact.currency")}
                maxLength={3}
                autoCapitalize="characters"
                className={`${INPUT} uppercase`}
              />
            )}
          </Field>
          <MoneyField
            form={form}
            name="costPerContact.selfServiceCents"
            id="cost-self-service"
            label={t("limits.selfServiceCost")}
            currencySymbol=""
          />
          <MoneyField
            form={form}
            name="costPerContact.agentCents"
            id="cost-agent"
            label={t("limits.agentCost")}
            currencySymbol=""
          />
        </div>
      </fieldset>
    </Card>
  );
}
