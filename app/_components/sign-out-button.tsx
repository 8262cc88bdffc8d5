"use client";

import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";

const VARIANT_CLASS = {
  header:
    "touch-target inline-flex items-center justify-center gap-2 rounded-lg px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:cursor-wait sm:px-3",
  block:
    "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 px-4 font-semibold text-slate-800 hover:bg-slate-100 disabled:cursor-wait",
};

/**
 * next-auth's sign-out (POST /api/auth/signout with the CSRF token), without loading its client
 * library on every page.
 */
async function endSession(): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in", json: "true" }),
  });
  if (!response.ok) throw new Error(`sign-out failed: ${response.status}`);
}

export function SignOutButton({ variant = "header" }: { variant?: keyof typeof VARIANT_CLASS }) {
  const t = useTranslations("common");
  const [isPending, setIsPending] = useState(false);

  async function handleClick() {
    setIsPending(true);
    try {
      // Nothing of this user stays on the device: cached pages, the outbox, push to this browser.
      const device = await import("@/app/_pwa/clear-user-data").catch(() => null);
      await device?.clearDeviceBeforeSignOut();
      await endSession();
      // Again: a response that was on its way may have been cached meanwhile.
      await device?.clearCachedUserData().catch(() => undefined);
    } finally {
      // A full load drops every cached query of the signed-out user (a client navigation would keep them).
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/sign-in");
    }
  }

  return (
    <button type="button" onClick={handleClick} disabled={isPending} className={VARIANT_CLASS[variant]}>
      <LogOut aria-hidden="true" className="size-5" />
      <span className={variant === "header" ? "sr-only sm:not-sr-only" : undefined}>
        {isPending ? t("signingOut") : t("signOut")}
      </span>
    </button>
  );
}
