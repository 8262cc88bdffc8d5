"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, LoaderCircle, Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm, type FieldError } from "react-hook-form";
import { z } from "zod";
import { useServerErrors } from "@/app/_lib/form-errors";
import { formatDate, formatPhone, formatTime } from "@/app/_lib/format";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { formatMoney, parseMoney, readMoney } from "@/app/_lib/money";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import {
  createRequestInput,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  SUBJECT_MAX,
  SUBJECT_MIN,
} from "@/server/domain/request/request.schema";
import { LINE_CATEGORIES } from "../_lib/request-types";
import { ArticleCard } from "./article-card";
import { CategoryPicker } from "./category-picker";
import { KnownOutage } from "./known-outage";
import { useDebounced } from "./use-debounced";

// The server's own schema checks the form; the amount is typed in roubles and checked here.
const formSchema = createRequestInput
  .pick({ category: true, subject: true, description: true })
  .extend({ lineId: z.string(), billId: z.string(), amount: z.string() })
  .superRefine((value, ctx) => {
    const amount = readMoney(value.amount);
    if (value.category === "BILL_DISPUTE" && (amount.ok ? amount.cents < 1 : amount.reason !== "empty")) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "amount" });
    }
  });
type FormValues = z.input<typeof formSchema>;

const LIMITS = {
  subject: { min: SUBJECT_MIN, max: SUBJECT_MAX },
  description: { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX },
} as const;

const inputClass = (hasError: boolean) =>
  `mt-1.5 block w-full rounded-lg border bg-white px-3 text-base text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none ${
    hasError ? "border-red-600" : "border-slate-400"
  }`;

/** category → suggestions while typing → details, then the request is routed and opened. */
export function NewRequestForm() {
  const t = useTranslations("requests");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  // One key per filled-in form: a retry after a lost answer is the same request.
  const { key: idempotencyKey } = useIdempotencyKey("request");
  const [step, setStep] = useState<1 | 2 | 3>(1);
  const [isPickingCategory, setIsPickingCategory] = useState(true);
  const step2Ref = useRef<HTMLHeadingElement>(null);
  const step3Ref = useRef<HTMLHeadingElement>(null);

  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { category: undefined, subject: "", description: "", lineId: "", billId: "", amount: "" },
    mode: "onTouched",
  });
  const { register, handleSubmit, watch, setValue, formState, trigger } = form;
  const placeServerErrors = useServerErrors(form, { fieldNames: { disputedAmountCents: "amount" } });
  const category = watch("category");
  const subject = watch("subject");
  const description = watch("description");
  const searchText = useDebounced(`${subject} ${description}`.trim().slice(0, 500), 250);

  const suggestions = useQuery({
    ...trpc.request.suggest.queryOptions({ category: category ?? "OTHER", text: searchText }),
    enabled: !!category && step >= 2,
    placeholderData: keepPreviousData,
  });
  const account = useQuery({
    ...trpc.account.summary.queryOptions(),
    enabled: !!category && LINE_CATEGORIES.includes(category),
  });
  // A fault the network already reported is answered by the outage before any request is written.
  const isFault = category === "NO_SERVICE" || category === "TECHNICAL_FAULT";
  const incidents = useQuery({ ...trpc.incident.forMe.queryOptions(), enabled: isFault });
  const knownOutages = isFault ? (incidents.data?.items.filter((incident) => incident.status === "ACTIVE") ?? []) : [];
  const [isFilingAnyway, setIsFilingAnyway] = useState(false);
  const isShowingOutage = knownOutages.length > 0 && !isFilingAnyway;
  const isAboutBill = category === "BILLING_QUESTION" || category === "BILL_DISPUTE";
  const bills = useQuery({ ...trpc.bill.list.queryOptions({ limit: 12 }), enabled: isAboutBill });

  const create = useMutation(
    trpc.request.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: trpc.request.list.pathKey() });
        router.push(`/requests/${created.id}`);
      },
      onError: placeServerErrors,
    }),
  );

  useEffect(() => {
    if (step === 2) step2Ref.current?.focus();
    if (step === 3) step3Ref.current?.focus();
  }, [step]);

  function errorText(field: keyof FormValues, error: FieldError | undefined): string | undefined {
    if (!error) return undefined;
    if (field === "category") return t("new.errors.category");
    if (field === "amount") return t("new.errors.amount");
    if (field === "subject" || field === "description") {
      if (error.type === "too_small") return t("new.errors.too_small", LIMITS[field]);
      if (error.type === "too_big") return t("new.errors.too_big", LIMITS[field]);
    }
    return t("new.errors.invalid");
  }

  async function goTo(next: 2 | 3) {
    const fields: (keyof FormValues)[] = next === 2 ? ["category"] : ["category", "subject"];
    if (await trigger(fields, { shouldFocus: true })) setStep(next);
  }

  const onSubmit = handleSubmit((values) => {
    const amount = values.category === "BILL_DISPUTE" ? parseMoney(values.amount) : null;
    create.mutate({
      category: values.category,
      subject: values.subject,
      description: values.description,
      lineId: values.lineId || undefined,
      billId: isAboutBill ? values.billId || undefined : undefined,
      disputedAmountCents: amount ?? undefined,
      idempotencyKey,
    });
  });

  const errors = formState.errors;
  const failure = create.isError ? readTRPCError(create.error) : null;
  const lines = account.data?.lines ?? [];
  const needsLine = !!category && LINE_CATEGORIES.includes(category) && lines.length > 0;
  const hits = suggestions.data ?? [];

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("new.title")}</h1>
        <p className="mt-1 text-slate-700">{t("new.intro")}</p>
      </div>

      <form noValidate onSubmit={onSubmit} aria-busy={create.isPending} className="space-y-6">
        <section aria-labelledby="step1" className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <h2 id="step1" className="mb-3 text-lg font-semibold">
            {t("new.step1")}
          </h2>
          {isPickingCategory || !category ? (
            <CategoryPicker
              legendId="step1"
              value={category}
              error={errorText("category", errors.category)}
              onChange={(value) => {
                setValue("category", value, { shouldValidate: true });
                setIsPickingCategory(false);
                if (step === 1) setStep(2);
              }}
            />
          ) : (
            <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-brand-200 bg-brand-50 p-3">
              <p>
                <span className="block font-medium text-slate-900" data-testid="chosen-category">
                  {t(`category.${category}`)}
                </span>
                <span className="block text-sm text-slate-600">{t(`categoryHint.${category}`)}</span>
              </p>
              <button
                type="button"
                onClick={() => setIsPickingCategory(true)}
                className="inline-flex min-h-10 items-center rounded-lg px-3 text-sm font-semibold text-brand-700 hover:bg-brand-100"
              >
                {t("new.change")}
              </button>
            </div>
          )}
        </section>

        {isShowingOutage && incidents.data && (
          <KnownOutage incidents={knownOutages} at={incidents.data.at} onFileAnyway={() => setIsFilingAnyway(true)} />
        )}

        {step >= 2 && category && !isShowingOutage && (
          <section
            aria-labelledby="step2"
            className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
          >
            <h2 id="step2" ref={step2Ref} tabIndex={-1} className="text-lg font-semibold outline-none">
              {t("new.step2")}
            </h2>
            <label htmlFor="subject" className="mt-3 block text-sm font-medium text-slate-900">
              {t("new.subject")}
            </label>
            <p id="subject-hint" className="mt-1 text-xs text-slate-600">
              {t("new.subjectHint")}
            </p>
            <input
              id="subject"
              type="text"
              autoComplete="off"
              maxLength={SUBJECT_MAX + 20}
              aria-invalid={errors.subject ? true : undefined}
              aria-describedby={`subject-hint${errors.subject ? " subject-error" : ""}`}
              {...register("subject")}
              className={`${inputClass(!!errors.subject)} min-h-12`}
            />
            {errors.subject && (
              <p id="subject-error" className="mt-1.5 text-sm font-medium text-red-700">
                {errorText("subject", errors.subject)}
              </p>
            )}

            <div className="mt-5" aria-live="polite">
              <h3 className="text-sm font-semibold text-slate-800">{t("new.suggestionsTitle")}</h3>
              {suggestions.isPending ? (
                <p className="mt-2 flex items-center gap-2 text-sm text-slate-600">
                  <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
                  {t("new.suggestionsSearching")}
                </p>
              ) : hits.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">{t("new.suggestionsNone")}</p>
              ) : (
                <ul
                  className={`mt-2 space-y-2 ${suggestions.isFetching ? "opacity-70" : ""}`}
                  aria-label={t("new.suggestionsTitle")}
                >
                  {hits.map((article) => (
                    <li key={article.id}>
                      <ArticleCard article={article} />
                    </li>
                  ))}
                </ul>
              )}
            </div>

            {step === 2 && (
              <button
                type="button"
                onClick={() => void goTo(3)}
                className="mt-5 inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-semibold text-brand-700 hover:bg-brand-50"
              >
                {t("new.continue")}
              </button>
            )}
          </section>
        )}

        {step === 3 && category && !isShowingOutage && (
          <section
            aria-labelledby="step3"
            className="space-y-5 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
          >
            <h2 id="step3" ref={step3Ref} tabIndex={-1} className="text-lg font-semibold outline-none">
              {t("new.step3")}
            </h2>
            <div>
              <label htmlFor="description" className="block text-sm font-medium text-slate-900">
                {t("new.description")}
              </label>
              <p id="description-hint" className="mt-1 text-xs text-slate-600">
                {t("new.descriptionHint", { min: DESCRIPTION_MIN })}
              </p>
              <textarea
                id="description"
                rows={5}
                aria-invalid={errors.description ? true : undefined}
                aria-describedby={`description-hint description-count${errors.description ? " description-error" : ""}`}
                {...register("description")}
                className={`${inputClass(!!errors.description)} py-2`}
              />
              <p
                id="description-count"
                className={`mt-1 text-right text-xs ${description.length > DESCRIPTION_MAX ? "font-semibold text-red-700" : "text-slate-600"}`}
              >
                {t("new.chars", { count: description.length, max: DESCRIPTION_MAX })}
              </p>
              {errors.description && (
                <p id="description-error" className="text-sm font-medium text-red-700">
                  {errorText("description", errors.description)}
                </p>
              )}
            </div>

            {needsLine && (
              <div>
                <label htmlFor="lineId" className="block text-sm font-medium text-slate-900">
                  {t("new.line")}
                </label>
                <select id="lineId" {...register("lineId")} className={`${inputClass(!!errors.lineId)} min-h-12`}>
                  <option value="">{t("new.lineAny")}</option>
                  {lines.map((line) => (
                    <option key={line.id} value={line.id}>
                      {line.msisdn
                        ? formatPhone(line.msisdn)
                        : `${t("new.lineHome")}${line.address ? `: ${line.address}` : ""}`}
                    </option>
                  ))}
                </select>
              </div>
            )}

            {isAboutBill && (bills.data?.items.length ?? 0) > 0 && (
              <div>
                <label htmlFor="billId" className="block text-sm font-medium text-slate-900">
                  {t("new.bill")}
                </label>
                <select id="billId" {...register("billId")} className={`${inputClass(!!errors.billId)} min-h-12`}>
                  <option value="">{t("new.billAny")}</option>
                  {bills.data!.items.map((bill) => (
                    <option key={bill.id} value={bill.id}>
                      {t("new.billOption", {
                        number: bill.number,
                        period: formatDate(bill.periodStart, locale, {
                          month: "long",
                          year: "numeric",
                          day: undefined,
                          dateStyle: undefined,
                        }),
                        amount: formatMoney(bill.totalCents, bill.currency, locale),
                      })}
                    </option>
                  ))}
                </select>
                {errors.billId && (
                  <p className="mt-1.5 text-sm font-medium text-red-700">
                    {errors.billId.message ?? t("new.errors.invalid")}
                  </p>
                )}
              </div>
            )}

            {category === "BILL_DISPUTE" && (
              <div>
                <label htmlFor="amount" className="block text-sm font-medium text-slate-900">
                  {t("new.amount")}
                </label>
                <p id="amount-hint" className="mt-1 text-xs text-slate-600">
                  {t("new.amountHint")}
                </p>
                <input
                  id="amount"
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  aria-invalid={errors.amount ? true : undefined}
                  aria-describedby={`amount-hint${errors.amount ? " amount-error" : ""}`}
                  {...register("amount")}
                  className={`${inputClass(!!errors.amount)} min-h-12 max-w-48`}
                />
                {errors.amount && (
                  <p id="amount-error" className="mt-1.5 text-sm font-medium text-red-700">
                    {errorText("amount", errors.amount)}
                  </p>
                )}
              </div>
            )}

            {/* Kept in the outbox offline: the outbox says so; that is not a failure. */}
            {/* A server error the form has no field for (errors.root) is said here, in the user's words. */}
            {failure && !failure.isQueued && !Object.keys(errors).some((name) => name !== "root") && (
              <div
                role="alert"
                className="flex gap-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
              >
                <CircleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
                <p>
                  {failure.code === "TOO_MANY_REQUESTS"
                    ? t("new.throttled", { time: formatTime(failure.retryAt ?? new Date(), locale) })
                    : t("new.submitError")}
                </p>
              </div>
            )}

            <button
              type="submit"
              disabled={create.isPending || create.isSuccess}
              className="flex min-h-12 w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 text-base font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:bg-brand-500 sm:w-auto"
            >
              {create.isPending || create.isSuccess ? (
                <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />
              ) : (
                <Send aria-hidden="true" className="size-5" />
              )}
              {create.isPending || create.isSuccess ? t("new.submitting") : t("new.submit")}
            </button>
          </section>
        )}
      </form>
    </div>
  );
}
