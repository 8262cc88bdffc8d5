"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, Plus, RotateCcw, Save, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useFieldArray, useForm } from "react-hook-form";
import { fieldErrorAt, useServerErrors } from "@/app/_lib/form-errors";
import { formatDate } from "@/app/_lib/format";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { creditPolicySchema, type CreditPolicy } from "@/server/domain/partner/credit-policy.schema";
import { DANGER_BUTTON, INPUT, PRIMARY_BUTTON, SECONDARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Field } from "../../_components/field";
import { MoneyInput } from "../../_components/money-input";
import { Notice, type Outcome, type OutcomeState } from "../../_components/notice";
import { LoadError, LoadingBlock } from "../../_components/query-states";
import { validationKey } from "../../_lib/validation";

type Editing = RouterOutputs["admin"]["creditPolicy"];

/** The supervisor's editor of the dealers' credit policy: refusals, then the rules by age and tariff fee. */
export function CreditPolicyEditor() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.admin.creditPolicy.queryOptions());
  // Kept here, not in the form: a save remounts the form, and its confirmation must stay.
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (current.isPending) return <LoadingBlock lines={6} />;
  if (current.isError) return <LoadError onRetry={() => void current.refetch()} />;
  // A new save remounts the form with what is now in force.
  return (
    <CreditPolicyForm
      key={current.data.updatedAt?.toISOString() ?? "defaults"}
      current={current.data}
      outcome={outcome}
      setOutcome={setOutcome}
      onSaved={() => queryClient.invalidateQueries({ queryKey: trpc.admin.creditPolicy.queryKey() })}
    />
  );
}

const NO_RULE = { minAge: 18, ageBelow: null, minMonthlyFeeCents: 0, depositPercentOfFee: 0, creditLimitCents: 0 };

function CreditPolicyForm({
  current,
  outcome,
  setOutcome,
  onSaved,
}: OutcomeState & {
  current: Editing;
  onSaved: () => Promise<void>;
}) {
  const t = useTranslations("admin.credit");
  const tCommon = useTranslations("admin.common");
  const locale = useLocale();
  const trpc = useTRPC();
  const form = useForm<CreditPolicy>({
    resolver: zodResolver(creditPolicySchema),
    defaultValues: current.policy,
    mode: "onChange",
  });
  const { control, register, formState, handleSubmit } = form;
  const rules = useFieldArray({ control, name: "rules" });
  // The server names the fields of `policy`, which is this form's values.
  const placeServerErrors = useServerErrors(form, { within: "policy" });
  const save = useMutation(trpc.admin.updateCreditPolicy.mutationOptions());
  // One key per editing session of this version: a retry after a lost answer is the same save.
  const { key: idempotencyKey } = useIdempotencyKey("credit");

  const message = (path: string, options?: { isMoney?: boolean }) => {
    const issue = fieldErrorAt(formState.errors, path);
    if (issue?.message?.startsWith("No rule for age"))
      return t("uncovered", { age: issue.message.replace(/\D+/g, "") });
    if (issue?.message === "ageBelow must be above minAge") return t("ageOrder");
    const key = validationKey(issue, options);
    return key ? tCommon(`validation.${key}`) : undefined;
  };

  const onSubmit = handleSubmit(async (policy) => {
    setOutcome(null);
    try {
      await save.mutateAsync({ policy, baseUpdatedAt: current.updatedAt, idempotencyKey });
      setOutcome({ tone: "success", text: t("saved") });
      await onSaved();
    } catch (error) {
      const { code, fields, placed, message: refusal } = placeServerErrors(error);
      setOutcome({
        tone: "error",
        text:
          fields.policy === "Nothing changed"
            ? t("noChanges")
            : code === "CONFLICT"
              ? tCommon("conflict")
              : placed.length
                ? tCommon("checkFields")
                : code === "BAD_REQUEST"
                  ? tCommon("refused", { message: refusal })
                  : tCommon("unexpected"),
      });
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6" aria-describedby="credit-in-force">
      <p id="credit-in-force" className="text-sm text-slate-700">
        {!current.isSaved || !current.updatedAt
          ? t("inForceDefaults")
          : current.updatedBy
            ? t("inForce", { date: formatDate(current.updatedAt, locale), name: current.updatedBy })
            : t("inForceSeeded", { date: formatDate(current.updatedAt, locale) })}
      </p>
      {outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}

      <Card id="refusals-title" title={t("refusals.title")} description={t("refusals.description")}>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Controller
            control={control}
            name="maxDebtCents"
            render={({ field }) => (
              <Field
                id="max-debt"
                label={t("refusals.maxDebt")}
                hint={t("refusals.maxDebtHint")}
                error={message("maxDebtCents", { isMoney: true })}
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
          <Field
            id="max-accounts"
            label={t("refusals.maxAccounts")}
            hint={t("refusals.maxAccountsHint")}
            error={message("maxAccountsPerDocument")}
          >
            {(props) => (
              <input
                {...props}
                {...register("maxAccountsPerDocument", { valueAsNumber: true })}
                type="number"
                inputMode="numeric"
                min={1}
                max={50}
                className={INPUT}
              />
            )}
          </Field>
          <label className="flex min-h-11 items-start gap-3 self-start rounded-lg border border-slate-200 p-3 text-sm sm:mt-6">
            <input
              type="checkbox"
              {...register("refuseWithOverdueBills")}
              className="mt-0.5 size-4 shrink-0 accent-brand-600"
            />
            <span>{t("refusals.overdue")}</span>
          </label>
        </div>
      </Card>

      <Card id="rules-title" title={t("rules.title")} description={t("rules.description")}>
        {message("rules") && (
          <p role="alert" className="mb-3 text-sm font-medium text-red-700">
            {message("rules")}
          </p>
        )}
        <ol className="space-y-4">
          {rules.fields.map((rule, index) => (
            <li key={rule.id} className="rounded-xl border border-slate-200 p-3 sm:p-4">
              <div className="flex items-center justify-between gap-2">
                <h3 className="font-semibold">{t("rules.rule", { number: index + 1 })}</h3>
                <button
                  type="button"
                  onClick={() => rules.remove(index)}
                  disabled={rules.fields.length <= 1}
                  className={DANGER_BUTTON}
                >
                  <Trash2 aria-hidden="true" className="size-4" />
                  <span className="sr-only sm:not-sr-only">{t("rules.remove")}</span>
                  <span className="sr-only">{t("rules.rule", { number: index + 1 })}</span>
                </button>
              </div>
              <div className="mt-3 grid grid-cols-2 gap-3 lg:grid-cols-5">
                <Field id={`rule-${index}-min-age`} label={t("rules.minAge")} error={message(`rules.${index}.minAge`)}>
                  {(props) => (
                    <input
                      {...props}
                      {...register(`rules.${index}.minAge`, { valueAsNumber: true })}
                      type="number"
                      inputMode="numeric"
                      min={18}
                      className={INPUT}
                    />
                  )}
                </Field>
                <Field
                  id={`rule-${index}-age-below`}
                  label={t("rules.ageBelow")}
                  hint={t("rules.ageBelowHint")}
                  error={message(`rules.${index}.ageBelow`)}
                >
                  {(props) => (
                    <input
                      {...props}
                      {...register(`rules.${index}.ageBelow`, {
                        setValueAs: (value: unknown) => (value === "" || value === null ? null : Number(value)),
                      })}
                      type="number"
                      inputMode="numeric"
                      min={19}
                      className={INPUT}
                    />
                  )}
                </Field>
                <Controller
                  control={control}
                  name={`rules.${index}.minMonthlyFeeCents`}
                  render={({ field }) => (
                    <Field
                      id={`rule-${index}-min-fee`}
                      label={t("rules.minFee")}
                      error={message(`rules.${index}.minMonthlyFeeCents`, { isMoney: true })}
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
                <Field
                  id={`rule-${index}-deposit`}
                  label={t("rules.deposit")}
                  hint={t("rules.depositHint")}
                  error={message(`rules.${index}.depositPercentOfFee`)}
                >
                  {(props) => (
                    <input
                      {...props}
                      {...register(`rules.${index}.depositPercentOfFee`, { valueAsNumber: true })}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={1200}
                      className={INPUT}
                    />
                  )}
                </Field>
                <Controller
                  control={control}
                  name={`rules.${index}.creditLimitCents`}
                  render={({ field }) => (
                    <Field
                      id={`rule-${index}-limit`}
                      label={t("rules.creditLimit")}
                      error={message(`rules.${index}.creditLimitCents`, { isMoney: true })}
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
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => rules.append({ ...NO_RULE })}
          disabled={rules.fields.length >= 50}
          className={`${SECONDARY_BUTTON} mt-4`}
        >
          <Plus aria-hidden="true" className="size-4" />
          {t("rules.add")}
        </button>
      </Card>

      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={!formState.isDirty || save.isPending} className={PRIMARY_BUTTON}>
          {save.isPending ? (
            <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
          ) : (
            <Save aria-hidden="true" className="size-4" />
          )}
          {save.isPending ? tCommon("saving") : t("save")}
        </button>
        <button
          type="button"
          onClick={() => form.reset(current.policy)}
          disabled={!formState.isDirty}
          className={SECONDARY_BUTTON}
        >
          <RotateCcw aria-hidden="true" className="size-4" />
          {t("discard")}
        </button>
        <button
          type="button"
          onClick={() => form.reset(current.defaults, { keepDefaultValues: true })}
          className={SECONDARY_BUTTON}
        >
          {t("useDefaults")}
        </button>
      </div>
    </form>
  );
}
