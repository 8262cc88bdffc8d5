"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState, type ReactNode } from "react";
import { Controller, useForm, useWatch, type FieldPath } from "react-hook-form";
import { useTRPC } from "@/app/_trpc/react";
import { registrationSchema, type Registration, type RegistrationFormInput } from "@/server/domain/partner/partner.schema";
import { FormField } from "../../_components/form-field";
import { displayToIsoDate, isoToDisplayDate, MaskedInput } from "../../_components/masked-input";
import { creditRefusalOf, errorDetails, registrationMessageKey } from "../../_components/server-messages";
import { CreditSummary, useCreditCheck } from "./credit-summary";
import { NumberPicker } from "./number-picker";
import { RegistrationDone, type Registered } from "./registration-done";
import { TariffPicker, type SellableTariff } from "./tariff-picker";

const EMPTY: RegistrationFormInput = {
  customer: { lastName: "", firstName: "", middleName: "", birthDate: "", documentNumber: "", address: "", phone: "", email: "" },
  tariffId: "",
  msisdn: "",
};

const FIELDS = new Set<string>([
  "customer.lastName",
  "customer.firstName",
  "customer.middleName",
  "customer.birthDate",
  "customer.documentNumber",
  "customer.address",
  "customer.phone",
  "customer.email",
  "tariffId",
  "msisdn",
]);

function newKey(): string {
  return `reg-${crypto.randomUUID()}`;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <legend id={id} className="float-left w-full text-lg font-semibold">
        {title}
      </legend>
      <div className="clear-both pt-4">{children}</div>
    </fieldset>
  );
}

/**
 * The dealer's one-page registration: identity, contacts, tariff, a number from the pool, the
 * credit check, then one submit. The zod schema is the server's own; its messages are shown in
 * the dealer's language as soon as a field is left.
 */
export function RegisterForm({ tariffs }: { tariffs: SellableTariff[] }) {
  const t = useTranslations("partner.register");
  const tValidation = useTranslations("partner.validation");
  const tCredit = useTranslations("partner.credit");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [result, setResult] = useState<Registered | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const topRef = useRef<HTMLDivElement>(null);
  const register = useMutation(trpc.partner.registerSubscriber.mutationOptions());

  const form = useForm<RegistrationFormInput, unknown, Registration>({
    resolver: zodResolver(registrationSchema),
    mode: "onTouched",
    defaultValues: EMPTY,
  });
  const { control, formState, handleSubmit, setError, clearErrors, reset } = form;
  const [documentNumber, birthDate, tariffId] = useWatch({ control, name: ["customer.documentNumber", "customer.birthDate", "tariffId"] });
  const credit = useCreditCheck({ documentNumber: documentNumber ?? "", birthDate: birthDate ?? "", tariffId });
  const isRefused = credit.query.data?.approved === false;

  function messageOf(message: string | undefined): string | undefined {
    if (!message) return undefined;
    const refusal = creditRefusalOf(message);
    if (refusal) return tCredit(`refusals.${refusal}`);
    if (message.startsWith("#")) return message.slice(1); // already in the dealer's language
    const key = registrationMessageKey(message);
    return key ? tValidation(key) : undefined;
  }

  function errorOf(name: FieldPath<RegistrationFormInput>): string | undefined {
    const parts = name.split(".");
    let node: unknown = formState.errors;
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
    return messageOf((node as { message?: string } | undefined)?.message);
  }

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      setResult(await register.mutateAsync({ ...values, idempotencyKey }));
      void queryClient.invalidateQueries(trpc.partner.pathFilter());
    } catch (error) {
      const { code, fields } = errorDetails(error);
      const known = Object.entries(fields).filter(([path]) => FIELDS.has(path));
      for (const [path, message] of known) {
        setError(path as FieldPath<RegistrationFormInput>, { message }, { shouldFocus: true });
      }
      if (fields["customer.documentNumber"]) void credit.query.refetch();
      if (code === "CONFLICT" && !known.length) {
        setError("msisdn", { message: `#${tValidation("msisdnTaken")}` }, { shouldFocus: true });
        form.setValue("msisdn", "");
        void queryClient.invalidateQueries(trpc.partner.availableNumbers.pathFilter());
      } else if (!known.length) {
        setFailure(code === "BAD_REQUEST" ? t("checkFields") : t("failed"));
        setAttempt((count) => count + 1);
      }
    }
  });

  function startAnother() {
    reset(EMPTY);
    setResult(null);
    setFailure(null);
    setIdempotencyKey(newKey());
    void queryClient.invalidateQueries(trpc.partner.availableNumbers.pathFilter());
    requestAnimationFrame(() => {
      topRef.current?.scrollIntoView({ block: "start" });
      form.setFocus("customer.lastName");
    });
  }

  if (result) return <RegistrationDone result={result} onAnother={startAnother} />;

  const optional = t("optional");
  return (
    <div ref={topRef}>
      <form noValidate onSubmit={onSubmit} aria-busy={register.isPending} className="space-y-6">
        {failure && (
          <div key={attempt} role="alert" className="flex gap-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            <CircleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
            <p>{failure}</p>
          </div>
        )}

        <Section id="customer-legend" title={t("sections.customer")}>
          <div className="grid gap-4 sm:grid-cols-2">
            <Controller
              control={control}
              name="customer.lastName"
              render={({ field }) => (
                <FormField id="lastName" label={t("fields.lastName")} error={errorOf("customer.lastName")} isRequired>
                  {(props) => <input {...props} {...field} autoComplete="off" autoCapitalize="words" spellCheck={false} />}
                </FormField>
              )}
            />
            <Controller
              control={control}
              name="customer.firstName"
              render={({ field }) => (
                <FormField id="firstName" label={t("fields.firstName")} error={errorOf("customer.firstName")} isRequired>
                  {(props) => <input {...props} {...field} autoComplete="off" autoCapitalize="words" spellCheck={false} />}
                </FormField>
              )}
            />
            <Controller
              control={control}
              name="customer.middleName"
              render={({ field }) => (
                <FormField id="middleName" label={t("fields.middleName")} optionalText={optional} error={errorOf("customer.middleName")}>
                  {(props) => <input {...props} {...field} value={field.value ?? ""} autoComplete="off" autoCapitalize="words" spellCheck={false} />}
                </FormField>
              )}
            />
            <Controller
              control={control}
              name="customer.birthDate"
              render={({ field }) => (
                <FormField id="birthDate" label={t("fields.birthDate")} hint={t("hints.birthDate")} error={errorOf("customer.birthDate")} isRequired>
                  {(props) => (
                    <MaskedInput
                      {...props}
                      mask="00.00.0000"
                      inputMode="numeric"
                      autoComplete="off"
                      placeholder={t("placeholders.birthDate")}
                      value={isoToDisplayDate(field.value)}
                      onChange={(display) => field.onChange(displayToIsoDate(display))}
                      onBlur={field.onBlur}
                      inputRef={field.ref}
                    />
                  )}
                </FormField>
              )}
            />
            <Controller
              control={control}
              name="customer.documentNumber"
              render={({ field }) => (
                <FormField id="documentNumber" label={t("fields.documentNumber")} hint={t("hints.documentNumber")} error={errorOf("customer.documentNumber")} isRequired>
                  {(props) => (
                    <MaskedInput
                      {...props}
                      mask="0000 000000"
                      inputMode="numeric"
                      autoComplete="off"
                      placeholder="4510 123456"
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      inputRef={field.ref}
                    />
                  )}
                </FormField>
              )}
            />
            <Controller
              control={control}
              name="customer.address"
              render={({ field }) => (
                <FormField
                  id="address"
                  className="sm:col-span-2"
                  label={t("fields.address")}
                  hint={t("hints.address")}
                  error={errorOf("customer.address")}
                  isRequired
                >
                  {(props) => <input {...props} {...field} autoComplete="off" />}
                </FormField>
              )}
            />
          </div>
        </Section>

        <Section id="contacts-legend" title={t("sections.contacts")}>
          <div className="grid gap-4 sm:grid-cols-2">
            <Controller
              control={control}
              name="customer.phone"
              render={({ field }) => (
                <FormField id="contactPhone" label={t("fields.phone")} hint={t("hints.phone")} optionalText={optional} error={errorOf("customer.phone")}>
                  {(props) => (
                    <MaskedInput
                      {...props}
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
                  )}
                </FormField>
              )}
            />
            <Controller
              control={control}
              name="customer.email"
              render={({ field }) => (
                <FormField id="email" label={t("fields.email")} optionalText={optional} error={errorOf("customer.email")}>
                  {(props) => (
                    <input {...props} {...field} value={field.value ?? ""} type="email" inputMode="email" autoComplete="off" autoCapitalize="none" spellCheck={false} />
                  )}
                </FormField>
              )}
            />
          </div>
        </Section>

        <Section id="tariff-legend" title={t("sections.tariff")}>
          <Controller
            control={control}
            name="tariffId"
            render={({ field }) => (
              <TariffPicker tariffs={tariffs} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errorOf("tariffId")} />
            )}
          />
        </Section>

        <Section id="number-legend" title={t("sections.number")}>
          <Controller
            control={control}
            name="msisdn"
            render={({ field }) => (
              <NumberPicker
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errorOf("msisdn")}
                onError={(message) => (message ? setError("msisdn", { message: `#${message}` }) : clearErrors("msisdn"))}
              />
            )}
          />
        </Section>

        <Section id="check-legend" title={t("sections.check")}>
          <CreditSummary check={credit} />
        </Section>

        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <button
            type="submit"
            disabled={register.isPending || isRefused}
            className="flex min-h-12 items-center justify-center gap-2 rounded-lg bg-brand-600 px-6 text-base font-semibold text-white shadow-sm transition-colors hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-400"
          >
            {register.isPending && <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />}
            {t("submit")}
          </button>
          {isRefused && <p className="text-sm text-red-800">{t("refusedHint")}</p>}
          {register.isPending && (
            <p role="status" className="sr-only">
              {t("submitting")}
            </p>
          )}
        </div>
      </form>
    </div>
  );
}
