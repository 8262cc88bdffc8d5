"use client";

import { startRegistration } from "@simplewebauthn/browser";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fingerprint, KeyRound, LoaderCircle, RotateCcw, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { formatDate } from "@/app/_lib/format";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { webAuthnFailureOf } from "@/app/_lib/webauthn-error";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";

type Passkey = RouterOutputs["passkey"]["list"]["items"][number];

const BUTTON =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 px-4 font-semibold text-slate-800 hover:bg-slate-100 disabled:cursor-wait disabled:opacity-60";
const PRIMARY =
  "inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:bg-brand-500 sm:w-auto";

/**
 * The caller's passkeys (passkey.list), each with "remove", and "add a passkey": the server's
 * options, the device's fingerprint, face or screen lock (startRegistration), then passkey.register.
 * An empty name lets the server name it after this browser ("Chrome on Android"). Used by the
 * subscriber's profile and the staff's second-factor page.
 */
export function PasskeysCard() {
  const t = useTranslations("passkeys");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const passkeys = useQuery(trpc.passkey.list.queryOptions());
  const registrationOptions = useMutation(trpc.passkey.registrationOptions.mutationOptions());
  const register = useMutation(trpc.passkey.register.mutationOptions());
  const remove = useMutation(trpc.passkey.remove.mutationOptions());
  const [name, setName] = useState("");
  const [isAdding, setIsAdding] = useState(false);
  const [isSupported, setIsSupported] = useState(true);
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  useEffect(() => setIsSupported(!!window.PublicKeyCredential), []);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.passkey.list.queryKey() });

  async function handleAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isAdding) return;
    setStatus(null);
    setIsAdding(true);
    try {
      const options = await registrationOptions.mutateAsync();
      let response;
      try {
        response = await startRegistration({ optionsJSON: options });
      } catch (caught) {
        const failure = webAuthnFailureOf(caught);
        const text =
          failure === "cancelled"
            ? t("addCancelled")
            : failure === "alreadyRegistered"
              ? t("alreadyRegistered")
              : failure === "unsupported"
                ? t("unsupported")
                : t("addFailed");
        setStatus({ tone: "error", text });
        return;
      }
      const added = await register.mutateAsync({ response, ...(name.trim() ? { name: name.trim() } : {}) });
      setName("");
      setStatus({ tone: "success", text: t("added", { name: added.name }) });
    } catch (caught) {
      const failure = readTRPCError(caught);
      setStatus({ tone: "error", text: failure.code === "CONFLICT" ? failure.message : t("addFailed") });
    } finally {
      setIsAdding(false);
      await refresh();
    }
  }

  async function handleRemove(passkey: Passkey) {
    setStatus(null);
    try {
      await remove.mutateAsync({ id: passkey.id });
      setStatus({ tone: "success", text: t("removed", { name: passkey.name }) });
    } catch (caught) {
      // Already gone (removed elsewhere meanwhile): the refreshed list says so.
      if (readTRPCError(caught).code !== "NOT_FOUND") setStatus({ tone: "error", text: t("removeFailed") });
    } finally {
      await refresh();
    }
  }

  const when = (date: Date) => formatDate(date, locale, { dateStyle: "medium", timeZone: undefined });

  let list;
  if (passkeys.isPending) {
    list = (
      <div role="status" aria-live="polite" className="space-y-3">
        <span className="sr-only">{t("loading")}</span>
        <div aria-hidden="true" className="h-14 animate-pulse rounded-lg bg-slate-200" />
      </div>
    );
  } else if (passkeys.isError) {
    list = (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
        <p>{t("loadFailed")}</p>
        <button type="button" onClick={() => void passkeys.refetch()} className={`${BUTTON} mt-2 bg-white`}>
          <RotateCcw aria-hidden="true" className="size-4" />
          {t("retry")}
        </button>
      </div>
    );
  } else if (passkeys.data.items.length === 0) {
    list = <p className="text-sm text-slate-600">{t("empty")}</p>;
  } else {
    list = (
      <ul className="divide-y divide-slate-100" data-testid="passkeys">
        {passkeys.data.items.map((passkey) => (
          <li key={passkey.id} className="flex flex-wrap items-center gap-3 py-3" data-testid="passkey">
            <KeyRound aria-hidden="true" className="size-6 shrink-0 text-slate-500" />
            <div className="min-w-0 flex-1">
              <p className="font-medium break-words">{passkey.name}</p>
              <p className="text-sm break-words text-slate-600">
                {t("createdAt", { date: when(passkey.createdAt) })}
                {" · "}
                {passkey.lastUsedAt ? t("lastUsed", { date: when(passkey.lastUsedAt) }) : t("neverUsed")}
              </p>
            </div>
            <button
              type="button"
              onClick={() => void handleRemove(passkey)}
              disabled={remove.isPending}
              aria-label={t("removeLabel", { name: passkey.name })}
              className={BUTTON}
            >
              <Trash2 aria-hidden="true" className="size-4" />
              {t("remove")}
            </button>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="space-y-4">
      {list}
      {isSupported ? (
        <form onSubmit={(event) => void handleAdd(event)} className="space-y-3" aria-busy={isAdding}>
          <div>
            <label htmlFor="passkey-name" className="block text-sm font-medium text-slate-900">
              {t("nameLabel")}
            </label>
            <p id="passkey-name-hint" className="mt-1 text-xs text-slate-600">
              {t("nameHint")}
            </p>
            <input
              id="passkey-name"
              name="passkey-name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              maxLength={60}
              autoComplete="off"
              aria-describedby="passkey-name-hint"
              className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3 text-base"
            />
          </div>
          <button type="submit" disabled={isAdding} className={PRIMARY}>
            {isAdding ? (
              <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />
            ) : (
              <Fingerprint aria-hidden="true" className="size-5" />
            )}
            {isAdding ? t("adding") : t("add")}
          </button>
        </form>
      ) : (
        <p className="text-sm text-slate-600">{t("unsupported")}</p>
      )}
      <p role="status" aria-live="polite" className="min-h-5 text-sm">
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
