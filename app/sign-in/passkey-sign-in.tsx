"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { useMutation } from "@tanstack/react-query";
import { CircleAlert, Fingerprint, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatTime } from "@/app/_lib/format";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { webAuthnFailureOf } from "@/app/_lib/webauthn-error";
import { useTRPC } from "@/app/_trpc/react";
import { parseSignInError } from "./sign-in-error";

type PasskeySignInProps = {
  callbackUrl?: string;
  /** `primary`: the sign-in page's own button; `secondary`: the staff second step's alternative to the code. */
  variant?: "primary" | "secondary";
  label?: string;
};

const STYLES = {
  primary:
    "flex min-h-12 w-full items-center justify-center gap-2 rounded-lg border border-brand-600 bg-white px-4 text-base font-semibold text-brand-700 shadow-sm transition-colors hover:bg-brand-50 disabled:cursor-wait disabled:opacity-70",
  secondary:
    "flex min-h-11 w-full items-center justify-center gap-2 rounded-lg px-4 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:cursor-wait disabled:opacity-70",
};

/**
 * The passkey sign-in button ("Use a passkey"): the server's challenge (auth.passkeyOptions), the browser's account
 * picker and the user's fingerprint, face or screen lock (startAuthentication), then the
 * credentials sign-in with `passkey`. No identifier: the passkey says whose it is. Not shown where
 * the browser has no WebAuthn (`window.PublicKeyCredential`).
 */
export function PasskeySignIn({ callbackUrl, variant = "primary", label }: PasskeySignInProps) {
  const t = useTranslations("passkeys");
  const tSignIn = useTranslations("signIn");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const passkeyOptions = useMutation(trpc.auth.passkeyOptions.mutationOptions());
  const [isSupported, setIsSupported] = useState(false);
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  // Known only in the browser: rendered hidden on the server, shown after hydration where supported.
  useEffect(() => setIsSupported(typeof window !== "undefined" && !!window.PublicKeyCredential), []);

  async function handleClick() {
    if (isPending) return;
    setError(null);
    setIsPending(true);
    try {
      const { challengeId, options } = await passkeyOptions.mutateAsync();
      let response;
      try {
        response = await startAuthentication({ optionsJSON: options });
      } catch (caught) {
        const failure = webAuthnFailureOf(caught);
        setError(failure === "cancelled" ? t("cancelled") : failure === "unsupported" ? t("unsupported") : t("failed"));
        return;
      }
      const result = await signIn("credentials", {
        redirect: false,
        passkey: JSON.stringify({ challengeId, response }),
      });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl ?? "/");
        router.refresh();
        return; // Stays pending until the next page replaces this one.
      }
      const parsed = parseSignInError(result?.error);
      if (parsed.kind === "passkeyInvalid") setError(t("unknown"));
      else if (parsed.kind === "locked") setError(tSignIn("locked"));
      else if (parsed.kind === "throttled")
        setError(tSignIn("throttled", { time: formatTime(parsed.retryAt, locale) }));
      else setError(t("failed"));
    } catch (caught) {
      const failure = readTRPCError(caught);
      setError(failure.code === "TOO_MANY_REQUESTS" ? failure.message : t("failed"));
    } finally {
      setAttempt((count) => count + 1);
      setIsPending(false);
    }
  }

  if (!isSupported) return null;
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={() => void handleClick()}
        disabled={isPending}
        aria-busy={isPending}
        className={STYLES[variant]}
      >
        {isPending ? (
          <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />
        ) : (
          <Fingerprint aria-hidden="true" className="size-5" />
        )}
        {label ?? t("signInButton")}
      </button>
      {isPending && (
        <p role="status" className="sr-only">
          {t("signingIn")}
        </p>
      )}
      {error && (
        <div
          key={attempt}
          role="alert"
          className="flex gap-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
        >
          <CircleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
          <p>{error}</p>
        </div>
      )}
    </div>
  );
}
