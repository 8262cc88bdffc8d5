"use client";

import { useLocale } from "next-intl";
import { useEffect } from "react";
import { InstallPrompt } from "./install-prompt";
import { OfflineBanner } from "./offline-banner";
import { OutboxPanel } from "./outbox-panel";
import { postToWorker } from "./sw-client";

/**
 * The app's offline pieces above each page: the offline banner, what waits in the outbox, the
 * install prompt. Tells the service worker who is signed in, so one user's cached pages and
 * submissions are never shown to or sent as another.
 */
export function PwaClientShell({ userId, isSubscriber, renderedAt }: { userId: string; isSubscriber: boolean; renderedAt: number }) {
  const locale = useLocale();

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const announce = () => void postToWorker({ type: "SESSION", session: { userId, locale }, warmPages: isSubscriber });
    announce();
    // A worker that takes over later (first install, an update) learns it too.
    navigator.serviceWorker.addEventListener("controllerchange", announce);
    return () => navigator.serviceWorker.removeEventListener("controllerchange", announce);
  }, [userId, locale, isSubscriber]);

  return (
    <>
      <OfflineBanner renderedAt={renderedAt} />
      <OutboxPanel userId={userId} />
      {isSubscriber && <InstallPrompt />}
    </>
  );
}
