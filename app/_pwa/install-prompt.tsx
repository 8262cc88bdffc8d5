"use client";

import { Download, Share, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { promptInstall } from "./install-events";
import { useInstallState } from "./use-install-state";

const DISMISSED_KEY = "selfcare:install-dismissed-at";
const ASK_AGAIN_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

function wasDismissedRecently(): boolean {
  const at = Number(localStorage.getItem(DISMISSED_KEY));
  return Number.isFinite(at) && Date.now() - at < ASK_AGAIN_AFTER_MS;
}

/** "Install the app": the browser's own dialog where there is one, a Share-menu hint on iOS. */
export function InstallPrompt() {
  const t = useTranslations("pwa.install");
  const state = useInstallState();
  const [isDismissed, setIsDismissed] = useState(true);

  useEffect(() => setIsDismissed(wasDismissedRecently()), []);

  if (isDismissed || (state !== "prompt" && state !== "ios")) return null;

  function dismiss() {
    localStorage.setItem(DISMISSED_KEY, String(Date.now()));
    setIsDismissed(true);
  }

  const isIos = state === "ios";
  return (
    // Fixed above the tab bar, so it appearing after load never pushes the page (no layout shift).
    <section
      aria-labelledby="install-title"
      className="fixed inset-x-3 bottom-20 z-30 mx-auto flex max-w-md items-start gap-3 rounded-2xl border border-brand-200 bg-brand-50 p-4 shadow-lg md:inset-x-auto md:right-6 md:bottom-6 md:w-96"
    >
      <span aria-hidden="true" className="grid size-10 shrink-0 place-items-center rounded-xl bg-brand-600 text-white">
        {isIos ? <Share className="size-5" /> : <Download className="size-5" />}
      </span>
      <div className="min-w-0 flex-1">
        <h2 id="install-title" className="font-semibold text-slate-900">
          {isIos ? t("iosTitle") : t("title")}
        </h2>
        <p className="mt-0.5 text-sm text-slate-700">{isIos ? t("iosText") : t("text")}</p>
        {!isIos && (
          <button
            type="button"
            onClick={() => void promptInstall()}
            className="mt-3 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700"
          >
            {t("action")}
          </button>
        )}
      </div>
      <button
        type="button"
        onClick={dismiss}
        className="touch-target -m-2 grid place-items-center rounded-lg text-slate-600 hover:bg-brand-100"
        aria-label={t("dismiss")}
      >
        <X aria-hidden="true" className="size-5" />
      </button>
    </section>
  );
}
