"use client";

import { CloudOff, Wifi } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { formatDate, formatTime } from "@/app/_lib/format";
import { askWorker, onWorkerMessage } from "./sw-client";
import type { CachedAtReply } from "./sw-protocol";

function isSameDay(a: Date, b: Date) {
  return a.toDateString() === b.toDateString();
}

/**
 * "You are offline. Showing what was loaded at 14:32." Shown when the browser is offline, or when
 * the page came from the service worker's cache because the server could not be reached. Back
 * online, a page from the cache is refreshed by itself.
 */
export function OfflineBanner({ renderedAt }: { renderedAt: number }) {
  const t = useTranslations("pwa.offline");
  const locale = useLocale();
  const pathname = usePathname();
  const router = useRouter();
  const [isOnline, setIsOnline] = useState(true);
  const [cachedAt, setCachedAt] = useState<number | null>(null);
  const [isBackOnline, setIsBackOnline] = useState(false);
  // When the page on screen was loaded from the network: the server render, then each navigation.
  const loadedAt = useRef(renderedAt);
  const isFirstPath = useRef(true);

  useEffect(() => {
    const update = () => setIsOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  useEffect(() => {
    let isCurrent = true;
    if (!isFirstPath.current && navigator.onLine) loadedAt.current = Date.now();
    isFirstPath.current = false;
    // The server answered after the copy was shown (it was slow, not gone): show its answer.
    const showFresh = () => {
      setCachedAt(null);
      loadedAt.current = Date.now();
      router.refresh();
    };
    void askWorker<CachedAtReply>({ type: "CACHED_AT", path: pathname }).then((reply) => {
      if (!isCurrent) return;
      if (reply?.hasFresh && navigator.onLine) showFresh();
      else setCachedAt(reply?.cachedAt ?? null);
    });
    const unsubscribe = onWorkerMessage((message) => {
      if (message.type === "SERVED_FROM_CACHE" && message.path === pathname) setCachedAt(message.cachedAt);
      if (message.type === "FRESH_AVAILABLE" && message.path === pathname && navigator.onLine) showFresh();
    });
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [pathname, router]);

  useEffect(() => {
    if (!isOnline || cachedAt === null) return;
    // Online again with a page from the cache: fetch the current one.
    setCachedAt(null);
    setIsBackOnline(true);
    loadedAt.current = Date.now();
    router.refresh();
    const timer = window.setTimeout(() => setIsBackOnline(false), 4000);
    return () => window.clearTimeout(timer);
    // Only a change of connectivity triggers this, not a new cachedAt while offline.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isOnline]);

  if (isOnline && cachedAt === null) {
    return isBackOnline ? (
      <p
        role="status"
        className="mb-4 flex items-center gap-2 rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-2.5 text-sm font-medium text-emerald-900"
      >
        <Wifi aria-hidden="true" className="size-4 shrink-0" />
        {t("backOnline")}
      </p>
    ) : null;
  }

  const asOf = new Date(cachedAt ?? loadedAt.current);
  const values = { time: formatTime(asOf, locale), date: formatDate(asOf, locale, { dateStyle: "medium" }) };
  const key = isOnline ? "unreachable" : "banner";
  const text = isSameDay(asOf, new Date()) ? t(key, values) : t(`${key}Day`, values);
  return (
    <p
      role="status"
      data-testid="offline-banner"
      data-as-of={asOf.toISOString()}
      className="mb-4 flex items-start gap-2 rounded-xl border border-amber-300 bg-amber-50 px-4 py-2.5 text-sm font-medium text-amber-950"
    >
      <CloudOff aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <span>{text}</span>
    </p>
  );
}
