"use client";

import dynamic from "next/dynamic";
import { useLocale } from "next-intl";
import { useEffect, useState } from "react";
// Caught from the start: the browser may offer the install before the prompt below has loaded.
import "./install-events";
import { postToWorker } from "./sw-client";

// None of these shows anything on a normal online load, so they load once the page is idle and
// stay out of its first-load JavaScript (the service worker precaches them for offline starts).
const OfflineBanner = dynamic(() => import("./offline-banner").then((module) => module.OfflineBanner), { ssr: false });
const OutboxPanel = dynamic(() => import("./outbox-panel").then((module) => module.OutboxPanel), { ssr: false });
const InstallPrompt = dynamic(() => import("./install-prompt").then((module) => module.InstallPrompt), { ssr: false });

const IDLE_TIMEOUT_MS = 2_000;

/** True once the browser has had an idle moment after hydration (or after a short timeout). */
function useAfterIdle(): boolean {
  const [isIdle, setIsIdle] = useState(false);
  useEffect(() => {
    // Offline there is nothing to wait for, and the banner should say so at once.
    if (!navigator.onLine || typeof requestIdleCallback === "undefined") {
      setIsIdle(true);
      return;
    }
    const handle = requestIdleCallback(() => setIsIdle(true), { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }, []);
  return isIdle;
}

/**
 * The app's offline pieces above each page: the offline banner, what waits in the outbox, the
 * install prompt. Tells the service worker who is signed in, so one user's cached pages and
 * submissions are never shown to or sent as another.
 */
export function PwaClientShell({
  userId,
  isSubscriber,
  renderedAt,
}: {
  userId: string;
  isSubscriber: boolean;
  renderedAt: number;
}) {
  const locale = useLocale();
  const isIdle = useAfterIdle();

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const announce = () => void postToWorker({ type: "SESSION", session: { userId, locale }, warmPages: isSubscriber });
    announce();
    // A worker that takes over later (first install, an update) learns it too.
    navigator.serviceWorker.addEventListener("controllerchange", announce);
    return () => navigator.serviceWorker.removeEventListener("controllerchange", announce);
  }, [userId, locale, isSubscriber]);

  if (!isIdle) return null;
  return (
    <>
      <OfflineBanner renderedAt={renderedAt} />
      <OutboxPanel userId={userId} />
      {isSubscriber && <InstallPrompt />}
    </>
  );
}
