"use client";

import { RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers /sw.js once the page has loaded (never in `next dev`), checks for a new version every
 * hour and when the app comes back to the foreground, and offers a reload when one is waiting.
 */
export function ServiceWorkerRegistration() {
  const t = useTranslations("pwa.update");
  const [activateUpdate, setActivateUpdate] = useState<(() => void) | null>(null);
  const [isReloading, setIsReloading] = useState(false);

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    let isCancelled = false;
    let checkForUpdate = () => {};

    async function register() {
      const { Workbox } = await import("workbox-window");
      if (isCancelled) return;
      const workbox = new Workbox("/sw.js", { scope: "/" });
      workbox.addEventListener("waiting", () => {
        setActivateUpdate(() => () => {
          // The new worker takes over, then the page reloads onto the new version.
          workbox.addEventListener("controlling", () => window.location.reload());
          workbox.messageSkipWaiting();
        });
      });
      await workbox.register();
      checkForUpdate = () => void workbox.update().catch(() => undefined);
    }

    const onVisible = () => document.visibilityState === "visible" && checkForUpdate();
    const start = () =>
      void register().catch((error) => console.warn("[pwa] service worker registration failed:", error));
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start, { once: true });
    const interval = window.setInterval(() => checkForUpdate(), UPDATE_CHECK_MS);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      isCancelled = true;
      window.removeEventListener("load", start);
      window.clearInterval(interval);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);

  if (!activateUpdate) return null;
  return (
    <div
      role="status"
      className="fixed inset-x-3 bottom-20 z-40 mx-auto flex max-w-md items-center gap-3 rounded-xl bg-slate-900 px-4 py-3 text-white shadow-lg md:bottom-6"
    >
      <RefreshCw aria-hidden="true" className="size-5 shrink-0" />
      <p className="min-w-0 flex-1 text-sm">{t("text")}</p>
      <button
        type="button"
        disabled={isReloading}
        onClick={() => {
          setIsReloading(true);
          activateUpdate();
        }}
        className="inline-flex min-h-11 items-center rounded-lg bg-white px-4 text-sm font-semibold text-slate-900 hover:bg-brand-50 disabled:cursor-wait"
      >
        {isReloading ? t("reloading") : t("action")}
      </button>
    </div>
  );
}
