"use client";

import { CircleCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { promptInstall } from "./install-events";
import { useInstallState } from "./use-install-state";

/** The app's install state for the profile page: installed, an install button, or how to install. */
export function InstallAppSection() {
  const t = useTranslations("pwa.install");
  const state = useInstallState();
  if (state === "installed") {
    return (
      <p className="flex items-center gap-2 text-emerald-800">
        <CircleCheck aria-hidden="true" className="size-5" />
        {t("installed")}
      </p>
    );
  }
  if (state === "prompt") {
    return (
      <div>
        <p className="text-slate-700">{t("text")}</p>
        <button
          type="button"
          onClick={() => void promptInstall()}
          className="mt-3 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700"
        >
          {t("action")}
        </button>
      </div>
    );
  }
  return <p className="text-slate-700">{state === "ios" ? t("iosText") : t("unavailable")}</p>;
}
