"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { CircleAlert, CircleCheck, LoaderCircle } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import type { z } from "zod";
import { FormField } from "@/app/(partner)/partner/_components/form-field";
import { useServerErrors } from "@/app/_lib/form-errors";
import { formatTime } from "@/app/_lib/format";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { ACTIVATION_MESSAGES, activationFormSchema } from "@/server/domain/partner/activation.schema";

type FormInput = z.input<typeof activationFormSchema>;
type FormOutput = z.output<typeof activationFormSchema>;

const MESSAGE_KEYS = new Map(Object.entries(ACTIVATION_MESSAGES).map(([key, message]) => [message as string, key]));

/**
 * Account number (or the new phone number) + the dealer's code + a new password. On success the
 * subscriber is signed in with the new password and lands on the dashboard.
 */
export function ActivateForm() {
  const t = useTranslations("activation");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const activate = useMutation(trpc.activation.activate.mutationOptions());
  const [failure, setFailure] = useState<{ text: string; attempt: number } | null>(null);
  const [activatedPhone, setActivatedPhone] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(activationFormSchema),
    mode: "onTouched",
    defaultValues: { identifier: "", code: "", password: "", confirmPassword: "" },
  });
  const { register, formState, handleSubmit, setError } = form;
  const placeServerErrors = useServerErrors(form);

  function messageOf(name: FieldPath<FormInput>): string | undefined {
    const message = formState.errors[name]?.message;
    if (!message) return undefined;
    if (message.startsWith("#")) return message.slice(1);
    const key = MESSAGE_KEYS.get(message);
    return key ? t(`validation.${key as keyof typeof ACTIVATION_MESSAGES}`) : t("validation.invalid");
  }

  const onSubmit = handleSubmit(async ({ identifier, code, password }) => {
    setFailure(null);
    try {
      const result = await activate.mutateAsync({ identifier, code, password });
      setActivatedPhone(result.phone);
      const signedIn = await signIn("credentials", { redirect: false, identifier: result.phone, password });
      if (signedIn?.ok && !signedIn.error) {
        router.replace("/dashboard");
        router.refresh();
      }
    } catch (error) {
      const { code: errorCode, fields, retryAt } = readTRPCError(error);
      const attempt = (failure?.attempt ?? 0) + 1;
      if (errorCode === "TOO_MANY_REQUESTS") {
        setFailure({
          text: retryAt ? t("throttledUntil", { time: formatTime(retryAt, locale) }) : t("throttled"),
          attempt,
        });
      } else if (fields.code) {
        const text = /expired/i.test(fields.code) ? t("expired") : t("wrongCode");
        setError("code", { message: `#${text}` }, { shouldFocus: true });
      } else if (errorCode === "CONFLICT") setFailure({ text: t("alreadyActive"), attempt });
      else if (!placeServerErrors(error).placed.length) setFailure({ text: t("failed"), attempt });
    }
  });

  if (activatedPhone) {
    return (
      <div role="status" className="mt-6 rounded-2xl border border-emerald-200 bg-emerald-50 p-5 text-emerald-950">
        <p className="flex items-center gap-2 font-semibold">
          <CircleCheck aria-hidden="true" className="size-5" />
          {t("done")}
        </p>
        <p className="mt-1 text-sm">{t("signingIn")}</p>
        <Link
          href="/sign-in"
          className="mt-3 inline-flex min-h-11 items-center font-semibold text-brand-700 hover:underline"
        >
          {t("signIn")}
        </Link>
      </div>
    );
  }

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-busy={activate.isPending}
      className="mt-6 space-y-5 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      {failure && (
        <div
          key={failure.attempt}
          role="alert"
          className="flex gap-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
        >
          <CircleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
          <p>{failure.text}</p>
        </div>
      )}
      <FormField
        id="identifier"
        label={t("identifier")}
        hint={t("identifierHint")}
        error={messageOf("identifier")}
        isRequired
      >
        {(props) => (
          <input
            {...props}
            {...register("identifier")}
            inputMode="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
          />
        )}
      </FormField>
      <FormField id="code" label={t("code")} hint={t("codeHint")} error={messageOf("code")} isRequired>
        {(props) => (
          <input
            {...props}
            {...register("code")}
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            className={`${props.className} font-mono tracking-widest uppercase`}
          />
        )}
      </FormField>
      <FormField id="password" label={t("password")} hint={t("passwordHint")} error={messageOf("password")} isRequired>
        {(props) => <input {...props} {...register("password")} type="password" autoComplete="new-password" />}
      </FormField>
      <FormField id="confirmPassword" label={t("confirmPassword")} error={messageOf("confirmPassword")} isRequired>
        {(props) => <input {...props} {...register("confirmPassword")} type="password" autoComplete="new-password" />}
      </FormField>
      <button
        type="submit"
        disabled={activate.isPending}
        className="flex min-h-12 w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 text-base font-semibold text-white shadow-sm transition-colors hover:bg-brand-700 disabled:cursor-wait disabled:bg-brand-500"
      >
        {activate.isPending && <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />}
        {t("submit")}
      </button>
      {activate.isPending && (
        <p role="status" className="sr-only">
          {t("submitting")}
        </p>
      )}
    </form>
  );
}
