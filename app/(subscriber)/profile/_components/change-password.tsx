"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { CircleCheck, LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormField } from "@/app/(partner)/partner/_components/form-field";
import { useServerErrors } from "@/app/_lib/form-errors";
import { passwordMessageKey } from "@/app/_lib/password-messages";
import { useTRPC } from "@/app/_trpc/react";
import { changePasswordInput, type ChangePasswordInput } from "@/server/domain/identity/auth.schema";
import { useCountdown } from "@/app/sign-in/use-countdown";

/**
 * The subscriber's new password, after the current one or, for one who has none or forgot it, a
 * code sent to the account's phone. The other devices are signed out; this one stays.
 */
export function ChangePassword({ phone }: { phone: string | null }) {
  const t = useTranslations("profile.password");
  const trpc = useTRPC();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const requestCode = useMutation(trpc.auth.requestCode.mutationOptions());
  const [isByCode, setIsByCode] = useState(false);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [result, setResult] = useState<{ sessionsEnded: number } | null>(null);
  const [isFailed, setIsFailed] = useState(false);
  const secondsLeft = useCountdown(resendAt);
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordInput),
    mode: "onTouched",
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const placeServerErrors = useServerErrors(form);

  function messageOf(name: keyof ChangePasswordInput): string | undefined {
    const message = form.formState.errors[name]?.message;
    if (!message) return undefined;
    return t(`errors.${passwordMessageKey(message) ?? (name === "newPassword" ? "tooShort" : "currentPassword")}`);
  }

  async function sendCode() {
    if (!phone) return;
    setIsFailed(false);
    try {
      const { retryAfterSeconds } = await requestCode.mutateAsync({ phone, purpose: "SIGN_IN" });
      setIsByCode(true);
      setResendAt(Date.now() + retryAfterSeconds * 1000);
      form.setValue("currentPassword", "");
    } catch {
      setIsFailed(true);
    }
  }

  const onSubmit = form.handleSubmit(async (input) => {
    setIsFailed(false);
    setResult(null);
    try {
      const answer = await change.mutateAsync(
        isByCode
          ? { code: input.code, newPassword: input.newPassword }
          : { currentPassword: input.currentPassword, newPassword: input.newPassword },
      );
      setResult(answer);
      form.reset({ currentPassword: "", newPassword: "", code: undefined });
      setIsByCode(false);
    } catch (error) {
      if (!placeServerErrors(error).placed.length) setIsFailed(true);
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-busy={change.isPending} className="space-y-4">
      {result && (
        <p role="status" className="flex items-center gap-2 rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900">
          <CircleCheck aria-hidden="true" className="size-5 shrink-0" />
          {t("done", { count: result.sessionsEnded })}
        </p>
      )}
      {isFailed && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {t("failed")}
        </p>
      )}
      {isByCode ? (
        <FormField id="change-code" label={t("code")} hint={t("codeHint")} error={messageOf("code")} isRequired>
          {(props) => (
            <input
              {...props}
              {...form.register("code")}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              className={`${props.className} font-mono tracking-widest`}
            />
          )}
        </FormField>
      ) : (
        <FormField id="change-current" label={t("current")} error={messageOf("currentPassword")} isRequired>
          {(props) => (
            <input {...props} {...form.register("currentPassword")} type="password" autoComplete="current-password" />
          )}
        </FormField>
      )}
      {phone && (
        <button
          type="button"
          onClick={() => void sendCode()}
          disabled={secondsLeft > 0 || requestCode.isPending}
          className="min-h-11 text-sm font-semibold text-brand-700 hover:underline disabled:cursor-not-allowed disabled:font-normal disabled:text-slate-600 disabled:no-underline"
        >
          {secondsLeft > 0 ? t("resendIn", { seconds: secondsLeft }) : isByCode ? t("resend") : t("useCode")}
        </button>
      )}
      <FormField id="change-new" label={t("new")} hint={t("newHint")} error={messageOf("newPassword")} isRequired>
        {(props) => <input {...props} {...form.register("newPassword")} type="password" autoComplete="new-password" />}
      </FormField>
      <button
        type="submit"
        disabled={change.isPending}
        className="inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:bg-brand-500 sm:w-auto"
      >
        {change.isPending && <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />}
        {t("submit")}
      </button>
    </form>
  );
}
