"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CircleAlert, Clock, LogIn, Send, Trash2 } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatTime } from "@/app/_lib/format";
import { hasServiceWorker, onWorkerMessage, postToWorker } from "./sw-client";
import type { OutboxItem } from "./sw-protocol";

/**
 * What was written offline and waits to be sent ("waiting to send"), for the signed-in user.
 * The service worker sends it; this panel asks it to try on reconnection and on app start,
 * and shows what happened: sent, refused, or "sign in to send".
 */
export function OutboxPanel({ userId }: { userId: string }) {
  const t = useTranslations("pwa.outbox");
  const locale = useLocale();
  const pathname = usePathname();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [delivered, setDelivered] = useState<string[]>([]);
  const [isSending, setIsSending] = useState(false);
  const [isOnline, setIsOnline] = useState(true);
  // What was just kept, said where the user is (the form may be far below this panel).
  const [justKept, setJustKept] = useState<OutboxItem | null>(null);
  const knownIds = useRef<Set<string> | null>(null);

  const reload = useCallback(async () => {
    if (typeof indexedDB === "undefined") return;
    const { listOutbox } = await import("./outbox-db");
    const all = await listOutbox().catch(() => []);
    const mine = all.filter((item) => item.userId === userId || item.userId === null);
    // New since the last look; on the first look (this panel loads once the page is idle, maybe
    // after a quick submission), whatever was written since this page opened.
    const isNew = (item: OutboxItem) =>
      knownIds.current ? !knownIds.current.has(item.id) : item.createdAt >= performance.timeOrigin;
    const fresh = mine.filter((item) => item.status === "PENDING" && isNew(item));
    knownIds.current = new Set(mine.map((item) => item.id));
    if (fresh.length > 0) setJustKept(fresh[fresh.length - 1]!);
    setItems(mine);
  }, [userId]);

  useEffect(() => {
    if (!justKept) return;
    const timer = window.setTimeout(() => setJustKept(null), 8000);
    return () => window.clearTimeout(timer);
  }, [justKept]);

  useEffect(() => {
    if (!hasServiceWorker()) return;
    void reload();
    const unsubscribe = onWorkerMessage((message) => {
      if (message.type !== "OUTBOX_CHANGED") return;
      setIsSending(false);
      void reload();
      if (message.delivered.length > 0) {
        setDelivered(message.delivered.map((item) => item.summary));
        // The lists on screen learn about what was just created.
        void queryClient.invalidateQueries();
        router.refresh();
      }
    });
    const flush = () => {
      setIsOnline(true);
      void postToWorker({ type: "FLUSH_OUTBOX" });
    };
    const offline = () => setIsOnline(false);
    setIsOnline(navigator.onLine);
    window.addEventListener("online", flush);
    window.addEventListener("offline", offline);
    return () => {
      unsubscribe();
      window.removeEventListener("online", flush);
      window.removeEventListener("offline", offline);
    };
  }, [reload, queryClient, router]);

  async function discard(id: string) {
    const { deleteOutboxItem } = await import("./outbox-db");
    await deleteOutboxItem(id);
    await reload();
  }

  function sendNow() {
    setIsSending(true);
    void postToWorker({ type: "FLUSH_OUTBOX" });
    window.setTimeout(() => setIsSending(false), 5000);
  }

  const label = (item: OutboxItem) =>
    item.procedure === "request.create"
      ? t("request", { summary: item.summary })
      : t("message", { summary: item.summary });
  const needsSignIn = items.some((item) => item.status === "NEEDS_SIGN_IN");

  return (
    <>
      <div role="status" className="sr-only">
        {delivered.map((summary) => t("delivered", { summary })).join(" ")}
      </div>
      <div role="status" aria-live="polite">
        {justKept && (
          <p
            data-testid="outbox-kept"
            className="fixed inset-x-3 bottom-20 z-40 mx-auto flex max-w-md items-start gap-3 rounded-xl bg-slate-900 px-4 py-3 text-sm text-white shadow-lg md:bottom-6"
          >
            <Clock aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-amber-300" />
            {justKept.procedure === "request.create" ? t("queued") : t("queuedMessage")}
          </p>
        )}
      </div>
      {items.length > 0 && (
        <section
          aria-labelledby="outbox-title"
          data-testid="outbox"
          className="mb-6 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="outbox-title" className="flex items-center gap-2 font-semibold">
              <Clock aria-hidden="true" className="size-5 text-amber-700" />
              {t("title")}
            </h2>
            {!needsSignIn && isOnline && (
              <button
                type="button"
                onClick={sendNow}
                disabled={isSending}
                className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-wait"
              >
                <Send aria-hidden="true" className="size-4" />
                {isSending ? t("sending") : t("sendNow")}
              </button>
            )}
          </div>
          <p className="mt-1 text-sm text-slate-600">{t("hint")}</p>
          <ul className="mt-3 divide-y divide-slate-100">
            {items.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2.5">
                <div className="min-w-0 flex-1">
                  <p className="font-medium break-words">{label(item)}</p>
                  <p className="text-sm text-slate-600">
                    {item.status === "PENDING" &&
                      `${t("waiting")} · ${t("writtenAt", { time: formatTime(new Date(item.createdAt), locale) })}`}
                    {item.status === "NEEDS_SIGN_IN" && (
                      <span className="font-medium text-amber-800">{t("needsSignIn")}</span>
                    )}
                    {item.status === "REJECTED" && (
                      <span className="flex items-start gap-1 font-medium text-red-700">
                        <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                        {item.error ? t("rejected", { reason: item.error }) : t("rejectedUnknown")}
                      </span>
                    )}
                  </p>
                </div>
                {item.status === "NEEDS_SIGN_IN" && (
                  <Link
                    href={`/sign-in?callbackUrl=${encodeURIComponent(pathname)}`}
                    className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-brand-600 px-3 text-sm font-semibold text-white hover:bg-brand-700"
                  >
                    <LogIn aria-hidden="true" className="size-4" />
                    {t("signIn")}
                  </Link>
                )}
                {item.status === "REJECTED" && (
                  <button
                    type="button"
                    onClick={() => void discard(item.id)}
                    className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
                  >
                    <Trash2 aria-hidden="true" className="size-4" />
                    {t("discard")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
