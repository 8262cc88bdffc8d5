"use client";

import { CircleAlert, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { formatTime } from "@/app/_lib/format";
import { DemoAccountList } from "./demo-account-list";
import { parseSignInError, type SignInFailure } from "./sign-in-error";
import { TextField } from "./text-field";

type FieldErrors = { identifier?: string; password?: string };

export function SignInForm({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const t = useTranslations("signIn");
  const locale = useLocale();
  const router = useRouter();
  const [identifier, setIdentifier] = useState("");
  const [password, setPassword] = useState("");
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

  function describe(value: SignInFailure): string {
    switch (value.kind) {
      case "invalid":
        return t("invalid");
      case "locked":
        return t("locked");
      case "throttled":
        return t("throttled", { time: formatTime(value.retryAt, locale) });
      case "failed":
        return t("failed");
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const errors: FieldErrors = {
      identifier: identifier.trim() ? undefined : t("identifierRequired"),
      password: password ? undefined : t("passwordRequired"),
    };
    setFieldErrors(errors);
    if (errors.identifier || errors.password) {
      (errors.identifier ? identifierRef : passwordRef).current?.focus();
      return;
    }

    setFailure(null);
    setIsPending(true);
    try {
      const result = await signIn("credentials", { redirect: false, identifier: identifier.trim(), password });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl ?? "/");
        router.refresh();
        return; // Stays pending until the next page replaces this one.
      }
      setFailure(parseSignInError(result?.error));
    } catch {
      setFailure({ kind: "failed" });
    }
    setAttempt((count) => count + 1);
    setIsPending(false);
  }

  function pickDemoAccount(demoIdentifier: string, demoPassword: string) {
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
        <button
          ref={submitRef}
          type="submit"
          disabled={isPending}
          className="flex min-h-12 w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 text-base font-semibold text-white shadow-sm transition-colors hover:bg-brand-700 disabled:cursor-wait disabled:bg-brand-500"
        >
          {isPending && <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />}
          {t("submit")}
        </button>
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
