"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { CircleAlert, CircleCheck, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormField } from "@/app/(partner)/partner/_components/form-field";
import { useServerErrors } from "@/app/_lib/form-errors";
import { passwordMessageKey } from "@/app/_lib/password-messages";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { codeSchema } from "@/server/domain/identity/auth.schema";
import { normalizePhone } from "@/server/domain/identity/identifier";
import { newPasswordSchema } from "@/server/domain/identity/password.schema";
import { TextField } from "../sign-in/text-field";
import { useCountdown } from "../sign-in/use-countdown";

const resetForm = z.object({ code: codeSchema, newPassword: newPasswordSchema });
type ResetForm = z.infer<typeof resetForm>;

const BUTTON =
  "flex min-h-12 w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 text-base font-semibold text-white shadow-sm transition-colors hover:bg-brand-700 disabled:cursor-wait disabled:bg-brand-500";

/** The phone number, then the code from the SMS with a new password; then the subscriber is signed in. */
export function ForgotPasswordForm() {
  const t = useTranslations("signIn.forgot");
  const router = useRouter();
  const trpc = useTRPC();
  const requestCode = useMutation(trpc.auth.requestCode.mutationOptions());
  const resetPassword = useMutation(trpc.auth.resetPassword.mutationOptions());
  const [phone, setPhone] = useState("");
  const [phoneError, setPhoneError] = useState<string | undefined>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [failure, setFailure] = useState<{ text: string; attempt: number } | null>(null);
  const [isDone, setIsDone] = useState(false);
  const secondsLeft = useCountdown(resendAt);
  const form = useForm<ResetForm>({
    resolver: zodResolver(resetForm),
    mode: "onTouched",
    defaultValues: { code: "", newPassword: "" },
  });
  const placeServerErrors = useServerErrors(form);

  function fail(text: string) {
    setFailure((previous) => ({ text, attempt: (previous?.attempt ?? 0) + 1 }));
  }

  function messageOf(name: keyof ResetForm): string | undefined {
    const message = form.formState.errors[name]?.message;
    if (!message) return undefined;
    const key = passwordMessageKey(message);
    if (key === "tooShort" || key === "tooLong" || key === "common" || key === "codeInvalid" || key === "wrongCode") {
      return t(key);
    }
    return name === "code" ? t("codeInvalid") : t("tooShort");
  }

  async function sendCode() {
    const normalized = normalizePhone(phone);
    if (!normalized) {
      setPhoneError(t("phoneInvalid"));
      return;
    }
    setPhoneError(undefined);
    setFailure(null);
    try {
      const { retryAfterSeconds } = await requestCode.mutateAsync({ phone: normalized, purpose: "RESET_PASSWORD" });
      setSentTo(normalized);
      setResendAt(Date.now() + retryAfterSeconds * 1000);
    } catch (error) {
      if (readTRPCError(error).fields.phone) setPhoneError(t("phoneInvalid"));
      else fail(t("failed"));
    }
  }

  async function handlePhone(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!requestCode.isPending) await sendCode();
  }

  const onReset = form.handleSubmit(async ({ code, newPassword }) => {
    if (!sentTo) return;
    setFailure(null);
    try {
      await resetPassword.mutateAsync({ phone: sentTo, code, newPassword });
      setIsDone(true);
      const signedIn = await signIn("credentials", { redirect: false, identifier: sentTo, password: newPassword });
      if (signedIn?.ok && !signedIn.error) {
        router.replace("/dashboard");
        router.refresh();
      } else router.replace("/sign-in");
    } catch (error) {
      const placed = placeServerErrors(error);
      if (placed.code === "TOO_MANY_REQUESTS") fail(t("throttled"));
      else if (!placed.placed.length) fail(t("failed"));
    }
  });

  if (isDone) {
    return (
      <p
        role="status"
        className="mt-6 flex items-center gap-2 rounded-2xl border border-emerald-200 bg-emerald-50 p-5 font-semibold text-emerald-950"
      >
        <CircleCheck aria-hidden="true" className="size-5" />
        {t("done")}
      </p>
    );
  }

  const alert = failure && (
    <div
      key={failure.attempt}
      role="alert"
      className="flex gap-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
    >
      <CircleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
      <p>{failure.text}</p>
    </div>
  );

  return (
    <div className="mt-6 space-y-5 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      {!sentTo ? (
        <form noValidate onSubmit={handlePhone} aria-busy={requestCode.isPending} className="space-y-4">
          {alert}
          <TextField
            id="reset-phone"
            name="phone"
            label={t("phone")}
            error={phoneError}
            value={phone}
            onChange={setPhone}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
          />
          <button type="submit" disabled={requestCode.isPending} className={BUTTON}>
            {requestCode.isPending && <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />}
            {t("send")}
          </button>
        </form>
      ) : (
        <form noValidate onSubmit={onReset} aria-busy={resetPassword.isPending} className="space-y-4">
          <p role="status" className="text-sm text-slate-700">
            {t("sent", { phone: sentTo })}
          </p>
          {alert}
          <FormField id="reset-code" label={t("code")} error={messageOf("code")} isRequired>
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
          <FormField
            id="reset-new-password"
            label={t("newPassword")}
            hint={t("newPasswordHint")}
            error={messageOf("newPassword")}
            isRequired
          >
            {(props) => (
              <input {...props} {...form.register("newPassword")} type="password" autoComplete="new-password" />
            )}
          </FormField>
          <button type="submit" disabled={resetPassword.isPending} className={BUTTON}>
            {resetPassword.isPending && <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />}
            {t("submit")}
          </button>
          <button
            type="button"
            onClick={() => void sendCode()}
            disabled={secondsLeft > 0 || requestCode.isPending}
            className="min-h-11 text-sm font-semibold text-brand-700 hover:underline disabled:cursor-not-allowed disabled:font-normal disabled:text-slate-600 disabled:no-underline"
          >
            {secondsLeft > 0 ? t("resendIn", { seconds: secondsLeft }) : t("resend")}
          </button>
        </form>
      )}
    </div>
  );
}
