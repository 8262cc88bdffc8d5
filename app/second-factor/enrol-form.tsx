"use client";

import { useMutation } from "@tanstack/react-query";
import { CircleAlert, Copy, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { TextField } from "@/app/sign-in/text-field";

const PRIMARY =
  "flex min-h-12 w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 text-base font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:bg-brand-500";

/** Scan or type the key, confirm with the first code, then keep the recovery codes shown once. */
export function EnrolForm({
  secret,
  qrSrc,
  otpauthUri,
  home,
}: {
  secret: string;
  qrSrc: string;
  otpauthUri: string;
  home: string;
}) {
  const t = useTranslations("secondFactor");
  const router = useRouter();
  const trpc = useTRPC();
  const confirm = useMutation(trpc.secondFactor.confirmEnrolment.mutationOptions());
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState<string>();
  const [failure, setFailure] = useState<{ text: string; attempt: number } | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [copied, setCopied] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm.isPending) return;
    setFailure(null);
    if (!/^\d{6}$/.test(code.replace(/\s/g, ""))) {
      setFieldError(t("codeFormat"));
      codeRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    try {
      const result = await confirm.mutateAsync({ code });
      setRecoveryCodes(result.recoveryCodes);
    } catch (error) {
      const { code: errorCode, fields } = readTRPCError(error);
      const attempt = (failure?.attempt ?? 0) + 1;
      if (fields.code) {
        setFieldError(t("wrongCode"));
        codeRef.current?.focus();
      } else if (errorCode === "CONFLICT") setFailure({ text: t("restart"), attempt });
      else setFailure({ text: t("failed"), attempt });
    }
  }

  async function copyCodes() {
    if (!recoveryCodes) return;
    await navigator.clipboard.writeText(recoveryCodes.join("\n")).catch(() => undefined);
    setCopied(true);
  }

  if (recoveryCodes) {
    return (
      <section
        aria-labelledby="recovery-title"
        className="mt-6 space-y-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
      >
        <h2 id="recovery-title" className="text-lg font-semibold text-slate-900">
          {t("recoveryTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("recoveryIntro")}</p>
        <ol
          aria-label={t("recoveryList")}
          className="grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-3 font-mono text-base text-slate-900 tabular-nums"
        >
          {recoveryCodes.map((value) => (
            <li key={value}>{value}</li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => void copyCodes()}
          className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-4 font-semibold text-slate-800 hover:bg-slate-100"
        >
          <Copy aria-hidden="true" className="size-4" />
          {copied ? t("copied") : t("copy")}
        </button>
        <button
          type="button"
          className={PRIMARY}
          onClick={() => {
            router.replace(home);
            router.refresh();
          }}
        >
          {t("continue")}
        </button>
      </section>
    );
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      aria-busy={confirm.isPending}
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
      <div>
        <h2 className="font-semibold text-slate-900">{t("scanStep")}</h2>
        {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URL, nothing to optimise */}
        <img src={qrSrc} alt={t("qrAlt")} width={192} height={192} className="mx-auto mt-3 size-48" />
        <p className="mt-3 text-sm text-slate-700">{t("secretLabel")}</p>
        <p className="mt-1">
          <code
            data-testid="totp-secret"
            data-otpauth={otpauthUri}
            className="block rounded bg-slate-100 px-2 py-1.5 font-mono text-sm break-all text-slate-900 select-all"
          >
            {secret}
          </code>
        </p>
        <p className="mt-1 text-xs text-slate-600">{t("secretHint")}</p>
      </div>
      <div>
        <h2 className="font-semibold text-slate-900">{t("codeStep")}</h2>
        <TextField
          ref={codeRef}
          id="code"
          name="code"
          className="mt-2"
          label={t("code")}
          hint={t("codeHint")}
          error={fieldError}
          value={code}
          onChange={setCode}
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
        />
      </div>
      <button type="submit" disabled={confirm.isPending} className={PRIMARY}>
        {confirm.isPending && <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />}
        {t("confirm")}
      </button>
      {confirm.isPending && (
        <p role="status" className="sr-only">
          {t("confirming")}
        </p>
      )}
    </form>
  );
}
