"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Controller, useForm, useWatch, type FieldPath } from "react-hook-form";
import { fieldErrorAt, useServerErrors } from "@/app/_lib/form-errors";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { useTRPC } from "@/app/_trpc/react";
import {
  registrationSchema,
  type Registration,
  type RegistrationFormInput,
  type ServiceKind,
} from "@/server/domain/partner/partner.schema";
import { creditRefusalOf, registrationMessageKey } from "../../_components/server-messages";
import { CreditSummary, useCreditCheck } from "./credit-summary";
import { CustomerFields, Section } from "./customer-fields";
import { InstallationFields } from "./installation-fields";
import { NumberPicker } from "./number-picker";
import { RegistrationDone, type Registered } from "./registration-done";
import { ServiceKindPicker } from "./service-kind-picker";
import { TariffPicker, type SellableTariff } from "./tariff-picker";

// Both kinds' fields start empty; the schema reads only those of the chosen kind.
const EMPTY = {
  kind: "MOBILE",
  customer: {
    lastName: "",
    firstName: "",
    middleName: "",
    birthDate: "",
    documentNumber: "",
    address: "",
    phone: "",
    email: "",
  },
  tariffId: "",
  msisdn: "",
  contactPhone: "",
  installationAddress: "",
} as RegistrationFormInput;

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
  // One key per registration: a resubmit after a lost answer is the same registration.
  const registration = useIdempotencyKey("reg");
  const [result, setResult] = useState<Registered | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const topRef = useRef<HTMLDivElement>(null);
  const register = useMutation(trpc.partner.registerSubscriber.mutationOptions());
  const releaseNumber = useMutation(trpc.partner.releaseNumber.mutationOptions());

  const form = useForm<RegistrationFormInput, unknown, Registration>({
    resolver: zodResolver(registrationSchema),
    mode: "onTouched",
    defaultValues: EMPTY,
  });
  const { control, formState, handleSubmit, setError, clearErrors, reset } = form;
  const placeServerErrors = useServerErrors(form);
  // Read during render so react-hook-form re-renders this form when errors change.
  const { errors } = formState;
  const [documentNumber, birthDate, tariffId, kindValue] = useWatch({
    control,
    name: ["customer.documentNumber", "customer.birthDate", "tariffId", "kind"],
  });
  const kind: ServiceKind = kindValue ?? "MOBILE";
  const kindTariffs = tariffs.filter((tariff) => tariff.kind === kind);
  const credit = useCreditCheck({ documentNumber: documentNumber ?? "", birthDate: birthDate ?? "", tariffId });
  const isRefused = credit.data?.approved === false;

  function messageOf(message: string | undefined): string | undefined {
    if (!message) return undefined;
    const refusal = creditRefusalOf(message);
    if (refusal) return tCredit(`refusals.${refusal}`);
    if (message.startsWith("#")) return message.slice(1); // already in the dealer's language
    const key = registrationMessageKey(message);
    return key ? tValidation(key) : undefined;
  }

  function errorOf(name: FieldPath<RegistrationFormInput>): string | undefined {
    return messageOf(fieldErrorAt(errors, name)?.message);
  }

  /** Another kind sells other tariffs; a number held for a SIM card goes back to the pool. */
  function changeKind(next: ServiceKind) {
    if (next === kind) return;
    const held = form.getValues("msisdn" as FieldPath<RegistrationFormInput>) as string | undefined;
    if (held) releaseNumber.mutate({ msisdn: held });
    form.setValue("kind", next);
    form.setValue("tariffId", "");
    form.setValue("msisdn" as FieldPath<RegistrationFormInput>, "");
    clearErrors(["tariffId", "msisdn", "contactPhone", "installationAddress"] as FieldPath<RegistrationFormInput>[]);
  }

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      setResult(await register.mutateAsync({ ...values, idempotencyKey: registration.key }));
      void queryClient.invalidateQueries(trpc.partner.pathFilter());
    } catch (error) {
      const { code, fields, placed } = placeServerErrors(error);
      if (fields["customer.documentNumber"]) credit.retry();
      if (code === "CONFLICT" && !placed.length && kind === "MOBILE") {
        setError("msisdn", { message: `#${tValidation("msisdnTaken")}` }, { shouldFocus: true });
        form.setValue("msisdn", "");
        void queryClient.invalidateQueries(trpc.partner.availableNumbers.pathFilter());
      } else if (!placed.length) {
        setFailure(code === "BAD_REQUEST" ? t("checkFields") : t("failed"));
        setAttempt((count) => count + 1);
      }
    }
  });

  function startAnother() {
    reset(EMPTY);
    setResult(null);
    setFailure(null);
    registration.renew();
    void queryClient.invalidateQueries(trpc.partner.availableNumbers.pathFilter());
    requestAnimationFrame(() => {
      topRef.current?.scrollIntoView({ block: "start" });
      form.setFocus("customer.lastName");
    });
  }

  if (result) return <RegistrationDone result={result} onAnother={startAnother} />;

  return (
    <div ref={topRef}>
      <form noValidate onSubmit={onSubmit} aria-busy={register.isPending} className="space-y-6">
        {failure && (
          <div
            key={attempt}
            role="alert"
            className="flex gap-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          >
            <CircleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
            <p>{failure}</p>
          </div>
        )}

        <Section id="kind-legend" title={t("sections.kind")}>
          <ServiceKindPicker value={kind} onChange={changeKind} />
        </Section>

        <CustomerFields control={control} errorOf={errorOf} hasPhone={kind === "MOBILE"} />

        <Section id="tariff-legend" title={t("sections.tariff")}>
          {kindTariffs.length === 0 ? (
            <p className="rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-700">
              {t("noTariffsOfKind")}
            </p>
          ) : (
            <Controller
              control={control}
              name="tariffId"
              render={({ field }) => (
                <TariffPicker
                  tariffs={kindTariffs}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errorOf("tariffId")}
                />
              )}
            />
          )}
        </Section>

        {kind === "HOME_INTERNET" ? (
          <Section id="installation-legend" title={t("sections.installation")}>
            <InstallationFields control={control} errorOf={errorOf} />
          </Section>
        ) : (
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
                  onError={(message) =>
                    message ? setError("msisdn", { message: `#${message}` }) : clearErrors("msisdn")
                  }
                />
              )}
            />
          </Section>
        )}

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
