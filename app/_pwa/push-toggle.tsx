"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Bell, BellOff, LoaderCircle } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatTime } from "@/app/_lib/format";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";

type PushState = "checking" | "unsupported" | "denied" | "off" | "on";

function isPushSupported(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

/** The application server key as the Push API wants it. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toSubscribeInput(subscription: PushSubscription) {
  const json = subscription.toJSON();
  return {
    endpoint: json.endpoint ?? subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
    userAgent: navigator.userAgent.slice(0, 300),
  };
}

async function readyRegistration(): Promise<ServiceWorkerRegistration | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000));
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

/**
 * Web push on this device: asks the browser's permission, subscribes with the server's VAPID key
 * and registers the subscription (push.subscribe); off unsubscribes both sides.
 */
export function PushToggle({ publicKey }: { publicKey: string | null }) {
  const t = useTranslations("profile.notifications");
  const locale = useLocale();
  const trpc = useTRPC();
  const devices = useQuery(trpc.push.devices.queryOptions());
  const subscribe = useMutation(trpc.push.subscribe.mutationOptions());
  const unsubscribe = useMutation(trpc.push.unsubscribe.mutationOptions());
  const [state, setState] = useState<PushState>("checking");
  const [isWorking, setIsWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    void (async () => {
      if (!isPushSupported()) return setState("unsupported");
      if (Notification.permission === "denied") return setState("denied");
      const registration = await readyRegistration();
      if (!isCurrent) return;
      if (!registration) return setState("unsupported");
      const subscription = await registration.pushManager.getSubscription();
      if (!isCurrent) return;
      setState(subscription && Notification.permission === "granted" ? "on" : "off");
      // Keeps the server's record of this device with whoever is signed in now.
      if (subscription) await subscribe.mutateAsync(toSubscribeInput(subscription)).catch(() => undefined);
    })();
    return () => {
      isCurrent = false;
    };
    // Runs once per mount: the subscription is read from the browser.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function turnOn() {
    if (!publicKey) return;
    const permission = await Notification.requestPermission();
    if (permission !== "granted") {
      setState(permission === "denied" ? "denied" : "off");
      return;
    }
    const registration = await readyRegistration();
    if (!registration) throw new Error("no service worker");
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
    try {
      await subscribe.mutateAsync(toSubscribeInput(subscription));
    } catch (cause) {
      // The server did not take it: do not leave a subscription nobody delivers to.
      await subscription.unsubscribe().catch(() => false);
      throw cause;
    }
    setState("on");
  }

  async function turnOff() {
    const registration = await readyRegistration();
    const subscription = await registration?.pushManager.getSubscription();
    if (subscription) {
      await unsubscribe.mutateAsync({ endpoint: subscription.endpoint });
      await subscription.unsubscribe();
    }
    setState("off");
  }

  async function toggle() {
    setIsWorking(true);
    setError(null);
    try {
      await (state === "on" ? turnOff() : turnOn());
    } catch (cause) {
      const failure = readTRPCError(cause);
      if (failure.code === "TOO_MANY_REQUESTS") {
        setError(t("throttled", { time: formatTime(failure.retryAt ?? new Date(), locale) }));
      } else {
        setError(cause instanceof Error && cause.message ? t("failed", { reason: cause.message }) : t("failedUnknown"));
      }
    } finally {
      setIsWorking(false);
      void devices.refetch();
    }
  }

  const count = devices.data?.items.length;
  if (!publicKey) return <p className="text-slate-700">{t("notConfigured")}</p>;
  if (state === "unsupported") return <p className="text-slate-700">{t("unsupported")}</p>;
  if (state === "denied") return <p className="font-medium text-amber-800">{t("denied")}</p>;

  const isOn = state === "on";
  return (
    <div>
      <p className="flex items-center gap-2 font-medium" data-testid="push-state">
        {isOn ? (
          <Bell aria-hidden="true" className="size-5 text-emerald-700" />
        ) : (
          <BellOff aria-hidden="true" className="size-5 text-slate-500" />
        )}
        {state === "checking" ? t("working") : isOn ? t("on") : t("off")}
      </p>
      {count !== undefined && <p className="mt-1 text-sm text-slate-600">{t("devices", { count })}</p>}
      <button
        type="button"
        onClick={() => void toggle()}
        disabled={isWorking || state === "checking"}
        className={`mt-3 inline-flex min-h-11 items-center gap-2 rounded-lg px-4 font-semibold disabled:cursor-wait ${
          isOn
            ? "border border-slate-300 text-slate-800 hover:bg-slate-100"
            : "bg-brand-600 text-white hover:bg-brand-700"
        }`}
      >
        {isWorking && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
        {isWorking ? t("working") : isOn ? t("disable") : t("enable")}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
