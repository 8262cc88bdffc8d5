"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, LogOut, Monitor, RotateCcw, Smartphone } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate, formatTime } from "@/app/_lib/format";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { SignOutButton } from "./sign-out-button";

type Session = RouterOutputs["account"]["sessions"]["items"][number];

const BUTTON =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 px-4 font-semibold text-slate-800 hover:bg-slate-100 disabled:cursor-wait disabled:opacity-60";

/**
 * The caller's signed-in devices (account.sessions), each with "sign out", and "sign out everywhere
 * else". This device's row signs out the usual way, so its cached pages and outbox are cleared too.
 * Used by the subscriber's profile and the supervisor's users page; every role has the procedures.
 */
export function SignedInDevices() {
  const t = useTranslations("sessions");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.account.sessions.queryOptions());
  const signOutOne = useMutation(trpc.account.signOutSession.mutationOptions());
  const signOutOthers = useMutation(trpc.account.signOutOthers.mutationOptions());
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const isWorking = signOutOne.isPending || signOutOthers.isPending;

  function deviceName(session: Session): string {
    const name = session.device.kind === "APP" ? t("app") : (session.device.browser ?? t("browser"));
    return session.device.os ? `${name} · ${session.device.os}` : name;
  }

  async function act(work: () => Promise<string>) {
    setStatus(null);
    try {
      setStatus({ tone: "success", text: await work() });
    } catch (caught) {
      // Already gone (ended elsewhere meanwhile): the refreshed list says so.
      if (readTRPCError(caught).code !== "NOT_FOUND") setStatus({ tone: "error", text: t("actionFailed") });
    } finally {
      await queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
    }
  }

  const endOne = (session: Session) =>
    act(async () => {
      await signOutOne.mutateAsync({ id: session.id });
      return t("signedOut", { device: deviceName(session) });
    });
  const endOthers = () => act(async () => t("signedOutOthers", { count: (await signOutOthers.mutateAsync()).ended }));

  if (sessions.isPending) {
    return (
      <div role="status" aria-live="polite" className="space-y-3">
        <span className="sr-only">{t("loading")}</span>
        {[0, 1].map((i) => (
          <div key={i} aria-hidden="true" className="h-14 animate-pulse rounded-lg bg-slate-200" />
        ))}
      </div>
    );
  }
  if (sessions.isError) {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
        <p>{t("loadFailed")}</p>
        <button type="button" onClick={() => void sessions.refetch()} className={`${BUTTON} mt-2 bg-white`}>
          <RotateCcw aria-hidden="true" className="size-4" />
          {t("retry")}
        </button>
      </div>
    );
  }

  const items = sessions.data.items;
  const others = items.filter((session) => !session.current);
  return (
    <div>
      <ul className="divide-y divide-slate-100" data-testid="signed-in-devices">
        {items.map((session) => {
          const Icon = session.device.kind === "APP" || session.device.platform === "mobile" ? Smartphone : Monitor;
          const name = deviceName(session);
          return (
            <li key={session.id} className="flex flex-wrap items-center gap-3 py-3" data-testid="signed-in-device">
              <Icon aria-hidden="true" className="size-6 shrink-0 text-slate-500" />
              <div className="min-w-0 flex-1">
                <p className="font-medium break-words">
                  {name}
                  {session.current && (
                    <span className="ml-2 inline-block rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-800">
                      {t("thisDevice")}
                    </span>
                  )}
                </p>
                <p className="text-sm break-words text-slate-600">
                  {session.ip ? t("address", { ip: session.ip }) : t("addressUnknown")}
                  {" · "}
                  {session.current
                    ? t("activeNow")
                    : t("lastSeen", {
                        date: formatDate(session.lastSeenAt, locale, { dateStyle: "medium", timeZone: undefined }),
                        time: formatTime(session.lastSeenAt, locale),
                      })}
                </p>
              </div>
              {session.current ? (
                <SignOutButton variant="block" />
              ) : (
                <button
                  type="button"
                  onClick={() => void endOne(session)}
                  disabled={isWorking}
                  aria-label={t("signOutDevice", { device: name })}
                  className={BUTTON}
                >
                  <LogOut aria-hidden="true" className="size-4" />
                  {t("signOut")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {others.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("noOthers")}</p>
      ) : (
        <button type="button" onClick={() => void endOthers()} disabled={isWorking} className={`${BUTTON} mt-3`}>
          {signOutOthers.isPending && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
          {signOutOthers.isPending ? t("working") : t("signOutOthers")}
        </button>
      )}
      <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm">
        {status?.tone === "success" && <span className="text-emerald-800">{status.text}</span>}
      </p>
      {status?.tone === "error" && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {status.text}
        </p>
      )}
    </div>
  );
}
