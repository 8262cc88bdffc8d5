"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { normalizePhone } from "@/server/domain/identity/identifier";
import { CodeSignIn } from "./code-sign-in";
import { PasskeySignIn } from "./passkey-sign-in";
import { SignInForm } from "./sign-in-form";

/**
 * A passkey (one touch, where the browser has WebAuthn), then the code form, the password last. When the password form learns that the account needs
 * a code now (too many failed sign-ins on it from anywhere), the code form is filled in with its
 * number and says why.
 */
export function SignInMethods({ callbackUrl, initialError }: { callbackUrl?: string; initialError?: string }) {
  const t = useTranslations("signIn");
  const [stepUp, setStepUp] = useState<{ phone: string; attempt: number } | null>(null);

  return (
    <>
      <div className="mt-6">
        <PasskeySignIn callbackUrl={callbackUrl} />
      </div>
      <CodeSignIn
        key={stepUp?.attempt ?? 0}
        callbackUrl={callbackUrl}
        initialPhone={stepUp?.phone}
        notice={stepUp ? t("codeRequired") : undefined}
      />
      <h2 className="mt-8 text-lg font-semibold text-slate-900">{t("passwordTitle")}</h2>
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={initialError}
        onCodeRequired={(identifier) =>
          setStepUp((previous) => ({
            phone: normalizePhone(identifier) ?? "",
            attempt: (previous?.attempt ?? 0) + 1,
          }))
        }
      />
    </>
  );
}
