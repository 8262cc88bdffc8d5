"use client";

import { useMutation } from "@tanstack/react-query";
import { CircleAlert, LoaderCircle, MessageSquareText, ShieldAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { formatTime } from "@/app/_lib/format";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { normalizePhone } from "@/server/domain/identity/identifier";
import { parseSignInError } from "./sign-in-error";
import { TextField } from "./text-field";
import { useCountdown } from "./use-countdown";

const BUTTON =
  "flex min-h-12 w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 text-base font-semibold text-white shadow-sm transition-colors hover:bg-brand-700 disabled:cursor-wait disabled:bg-brand-500";

/**
 * Sign-in by a one-time SMS code: the phone number, then the 6-digit code. The server answers
 * the same for every number, so this step cannot say whether the number is a subscriber's; a
 * wrong number simply gets no text.
 */
type CodeSignInProps = {
  callbackUrl?: string;
  /** Filled in when the password form found that this account needs a code now. */
  initialPhone?: string;
  /** Why the code is asked for, shown above the form; the form then takes the focus. */
  notice?: string;
};

export function CodeSignIn({ callbackUrl, initialPhone, notice }: CodeSignInProps) {
  const t = useTranslations("signIn.code");
  const tSignIn = useTranslations("signIn");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const requestCode = useMutation(trpc.auth.requestCode.mutationOptions());
  const [phone, setPhone] = useState(initialPhone ?? "");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState<{ phone?: string; code?: string }>({});
  const [failure, setFailure] = useState<{ text: string; attempt: number } | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [isSigningIn, setIsSigningIn] = useState(false);
  const secondsLeft = useCountdown(resendAt);
  const codeRef = useRef<HTMLInputElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const sectionRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!notice) return;
    sectionRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    phoneRef.current?.focus({ preventScroll: true });
  }, [notice]);

  function fail(text: string) {
    setFailure((previous) => ({ text, attempt: (previous?.attempt ?? 0) + 1 }));
  }

  async function sendCode() {
    const normalized = normalizePhone(phone);
    if (!normalized) {
      setFieldError({ phone: t("phoneInvalid") });
      phoneRef.current?.focus();
      return;
    }
    setFieldError({});
    setFailure(null);
    try {
      const { retryAfterSeconds } = await requestCode.mutateAsync({ phone: normalized, purpose: "SIGN_IN" });
      setSentTo(normalized);
      setResendAt(Date.now() + retryAfterSeconds * 1000);
      requestAnimationFrame(() => codeRef.current?.focus());
    } catch (error) {
      const { fields } = readTRPCError(error);
      if (fields.phone) setFieldError({ phone: t("phoneInvalid") });
      else fail(tSignIn("failed"));
    }
  }

  async function handlePhone(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!requestCode.isPending) await sendCode();
  }

  async function handleCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSigningIn || !sentTo) return;
    if (!/^\d{3}[\s-]?\d{3}$/.test(code.trim())) {
      setFieldError({ code: t("codeInvalid") });
      codeRef.current?.focus();
      return;
    }
    setFieldError({});
    setFailure(null);
    setIsSigningIn(true);
    try {
      const result = await signIn("credentials", { redirect: false, identifier: sentTo, code: code.trim() });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl ?? "/");
        router.refresh();
        return;
      }
      const reason = parseSignInError(result?.error);
      if (reason.kind === "invalid") setFieldError({ code: t("wrongCode") });
      else if (reason.kind === "throttled") fail(tSignIn("throttled", { time: formatTime(reason.retryAt, locale) }));
      else if (reason.kind === "locked") fail(tSignIn("locked"));
      else fail(tSignIn("failed"));
    } catch {
      fail(tSignIn("failed"));
    }
    setIsSigningIn(false);
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
    <section
      ref={sectionRef}
      aria-labelledby="code-sign-in-title"
      className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      <h2 id="code-sign-in-title" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
        <MessageSquareText aria-hidden="true" className="size-5 text-brand-600" />
        {t("title")}
      </h2>
      {notice && (
        <p
          role="status"
          className="mt-3 flex gap-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
        >
          <ShieldAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
          <span>{notice}</span>
        </p>
      )}
      {!sentTo ? (
        <form noValidate onSubmit={handlePhone} aria-busy={requestCode.isPending} className="mt-4 space-y-4">
          {alert}
          <TextField
            ref={phoneRef}
            id="code-phone"
            name="phone"
            label={t("phone")}
            hint={t("phoneHint")}
            error={fieldError.phone}
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
        <form noValidate onSubmit={handleCode} aria-busy={isSigningIn} className="mt-4 space-y-4">
          <p role="status" className="text-sm text-slate-700">
            {t("sent", { phone: sentTo })}
          </p>
          {alert}
          <TextField
            ref={codeRef}
            id="code"
            name="code"
            label={t("code")}
            error={fieldError.code}
            value={code}
            onChange={setCode}
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            className="[&_input]:font-mono [&_input]:tracking-widest"
          />
          <button type="submit" disabled={isSigningIn} className={BUTTON}>
            {isSigningIn && <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />}
            {t("confirm")}
          </button>
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <button
              type="button"
              onClick={() => void sendCode()}
              disabled={secondsLeft > 0 || requestCode.isPending}
              className="min-h-11 font-semibold text-brand-700 hover:underline disabled:cursor-not-allowed disabled:font-normal disabled:text-slate-600 disabled:no-underline"
            >
              {secondsLeft > 0 ? t("resendIn", { seconds: secondsLeft }) : t("resend")}
            </button>
            <button
              type="button"
              onClick={() => {
                setSentTo(null);
                setCode("");
                setFieldError({});
                setFailure(null);
              }}
              className="min-h-11 text-slate-700 hover:underline"
            >
              {t("otherNumber")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
