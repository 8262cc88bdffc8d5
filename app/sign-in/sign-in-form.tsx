"use client";

import { ArrowLeft, CircleAlert, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { formatTime } from "@/app/_lib/format";
import { DemoAccountList } from "./demo-account-list";
import { DemoTotpHint } from "./demo-totp-hint";
import { PasskeySignIn } from "./passkey-sign-in";
import { parseSignInError, type SignInFailure } from "./sign-in-error";
import { TextField } from "./text-field";

type FieldErrors = { identifier?: string; password?: string; totp?: string };

type SignInFormProps = {
  callbackUrl?: string;
  initialError?: string;
  /** The account needs a one-time code now (too many failed sign-ins on it): offer the code form for it. */
  onCodeRequired?: (identifier: string) => void;
};

export function SignInForm({ callbackUrl, initialError, onCodeRequired }: SignInFormProps) {
  const t = useTranslations("signIn");
  const tPasskeys = useTranslations("passkeys");
  const locale = useLocale();
  const router = useRouter();
  const [identifier, setIdentifier] = useState("");
  const [password, setPassword] = useState("");
  // Staff: after the password, a second step asks for the authenticator app's code. The identifier
  // and the password stay in this component's memory for it, never in the URL.
  const [step, setStep] = useState<"password" | "totp">("password");
  const [totp, setTotp] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<SignInFailure | null>(() =>
    initialError ? parseSignInError(initialError) : null,
  );
  // A new key per attempt re-mounts the alert, so the same message is announced again.
  const [attempt, setAttempt] = useState(0);
  const [isPending, setIsPending] = useState(false);
  const identifierRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const totpRef = useRef<HTMLInputElement>(null);

  function describe(value: SignInFailure): string {
    switch (value.kind) {
      case "invalid":
        return t("invalid");
      case "locked":
        return t("locked");
      case "throttled":
        return t("throttled", { time: formatTime(value.retryAt, locale) });
      case "totpRequired":
        return t("totpRequired");
      case "totpInvalid":
        return t("totpInvalid");
      case "codeRequired":
        return t("codeRequired");
      case "passkeyInvalid":
        return tPasskeys("unknown");
      case "failed":
        return t("failed");
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const isTotpStep = step === "totp";
    const errors: FieldErrors = isTotpStep
      ? { totp: totp.trim() ? undefined : t("totpRequired") }
      : {
          identifier: identifier.trim() ? undefined : t("identifierRequired"),
          password: password ? undefined : t("passwordRequired"),
        };
    setFieldErrors(errors);
    if (errors.totp) {
      totpRef.current?.focus();
      return;
    }
    if (errors.identifier || errors.password) {
      (errors.identifier ? identifierRef : passwordRef).current?.focus();
      return;
    }

    setFailure(null);
    setIsPending(true);
    try {
      const credentials = { identifier: identifier.trim(), password, ...(isTotpStep ? { totp: totp.trim() } : {}) };
      const result = await signIn("credentials", { redirect: false, ...credentials });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl ?? "/");
        router.refresh();
        return; // Stays pending until the next page replaces this one.
      }
      const parsed = parseSignInError(result?.error);
      if (parsed.kind === "totpRequired") {
        setStep("totp");
        setTotp("");
        setIsPending(false);
        requestAnimationFrame(() => totpRef.current?.focus());
        return;
      }
      if (parsed.kind === "codeRequired" && onCodeRequired) {
        // The code form says why and takes the focus.
        setPassword("");
        setIsPending(false);
        onCodeRequired(identifier.trim());
        return;
      }
      if (parsed.kind === "totpInvalid") {
        setFieldErrors({ totp: t("totpInvalid") });
        setTotp("");
        requestAnimationFrame(() => totpRef.current?.focus());
      } else if (isTotpStep && parsed.kind === "invalid") {
        // The password changed meanwhile: back to the first step.
        setStep("password");
      }
      setFailure(parsed);
    } catch {
      setFailure({ kind: "failed" });
    }
    setAttempt((count) => count + 1);
    setIsPending(false);
  }

  function backToPassword() {
    setStep("password");
    setTotp("");
    setPassword("");
    setFieldErrors({});
    setFailure(null);
    requestAnimationFrame(() => identifierRef.current?.focus());
  }

  function pickDemoAccount(demoIdentifier: string, demoPassword: string) {
    setStep("password");
    setTotp("");
    setIdentifier(demoIdentifier);
    setPassword(demoPassword);
    setFieldErrors({});
    setFailure(null);
    submitRef.current?.focus();
  }

  return (
    <>
      <form
        noValidate
        onSubmit={handleSubmit}
        aria-busy={isPending}
        className="mt-3 space-y-5 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
      >
        {failure && (
          <div
            key={attempt}
            role="alert"
            className="flex gap-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          >
            <CircleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
            <p>{describe(failure)}</p>
          </div>
        )}
        {step === "password" ? (
          <>
            <TextField
              ref={identifierRef}
              id="identifier"
              name="identifier"
              label={t("identifier")}
              hint={t("identifierHint")}
              error={fieldErrors.identifier}
              value={identifier}
              onChange={setIdentifier}
              type="text"
              inputMode="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
            />
            <TextField
              ref={passwordRef}
              id="password"
              name="password"
              label={t("password")}
              error={fieldErrors.password}
              value={password}
              onChange={setPassword}
              type="password"
              autoComplete="current-password"
            />
          </>
        ) : (
          <>
            <div>
              <h2 className="text-lg font-semibold text-slate-900">{t("totpTitle")}</h2>
              <p className="mt-1 text-sm break-words text-slate-700">
                {t("totpIntro", { identifier: identifier.trim() })}
              </p>
            </div>
            <TextField
              ref={totpRef}
              id="totp"
              name="totp"
              label={t("totp")}
              hint={t("totpHint")}
              error={fieldErrors.totp}
              value={totp}
              onChange={setTotp}
              type="text"
              inputMode="text"
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={16}
            />
            <DemoTotpHint identifier={identifier.trim()} onUse={setTotp} />
          </>
        )}
        <button
          ref={submitRef}
          type="submit"
          disabled={isPending}
          className="flex min-h-12 w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 text-base font-semibold text-white shadow-sm transition-colors hover:bg-brand-700 disabled:cursor-wait disabled:bg-brand-500"
        >
          {isPending && <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />}
          {step === "totp" ? t("totpSubmit") : t("submit")}
        </button>
        {step === "totp" && (
          // A passkey verifies the user, so it is the second factor as well: it signs in on its own.
          <PasskeySignIn callbackUrl={callbackUrl} variant="secondary" label={tPasskeys("staffAlternative")} />
        )}
        {step === "totp" && (
          <button
            type="button"
            onClick={backToPassword}
            className="flex min-h-11 w-full items-center justify-center gap-2 rounded-lg px-4 text-sm font-semibold text-brand-700 hover:bg-brand-50"
          >
            <ArrowLeft aria-hidden="true" className="size-4" />
            {t("back")}
          </button>
        )}
        {isPending && (
          <p role="status" className="sr-only">
            {t("submitting")}
          </p>
        )}
      </form>
      <DemoAccountList onPick={pickDemoAccount} />
    </>
  );
}
