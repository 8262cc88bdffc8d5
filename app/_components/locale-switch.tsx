"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { useTRPC } from "@/app/_trpc/react";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, LOCALES, type AppLocale } from "@/server/i18n/locales";

function rememberLocale(locale: AppLocale) {
  // Secure whenever the page itself came over https, as the server's own cookies are.
  const secure = location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE_SECONDS}; samesite=lax${secure}`;
}

/** RU / EN: remembered in a cookie for a year, and on the account when signed in. */
export function LocaleSwitch({ isSignedIn }: { isSignedIn: boolean }) {
  const locale = useLocale();
  const t = useTranslations("common");
  const router = useRouter();
  const trpc = useTRPC();
  const setLocale = useMutation(trpc.me.setLocale.mutationOptions());
  const [isPending, startTransition] = useTransition();

  function choose(next: AppLocale) {
    if (next === locale || isPending) return;
    rememberLocale(next);
    startTransition(async () => {
      if (isSignedIn) {
        // The cookie already carries the choice; saving it on the account is best effort.
        await setLocale.mutateAsync({ locale: next }).catch(() => undefined);
      }
      router.refresh();
    });
  }

  return (
    <div role="group" aria-label={t("language")} className="flex rounded-lg border border-slate-300 bg-white p-0.5">
      {LOCALES.map((option) => {
        const isCurrent = option === locale;
        return (
          <button
            key={option}
            type="button"
            lang={option}
            title={t(`languageNames.${option}`)}
            aria-pressed={isCurrent}
            disabled={isPending}
            onClick={() => choose(option)}
            className={`touch-target rounded-md px-2 text-sm font-semibold uppercase transition-colors disabled:cursor-wait ${
              isCurrent ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"
            }`}
          >
            {option}
          </button>
        );
      })}
    </div>
  );
}
