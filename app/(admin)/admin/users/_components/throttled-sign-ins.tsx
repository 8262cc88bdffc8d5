"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, LoaderCircle } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate, formatPhone, formatTime } from "@/app/_lib/format";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { INPUT, SECONDARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Field } from "../../_components/field";
import { Notice, type Outcome } from "../../_components/notice";
import { LoadError, LoadingBlock } from "../../_components/query-states";

/** Sign-ins locked after too many failed attempts, and lifting the lock for a subscriber who called in. */
export function ThrottledSignIns() {
  const t = useTranslations("admin.users");
  const tCommon = useTranslations("admin.common");
  const tRoles = useTranslations("common.roles");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const throttled = useQuery(trpc.admin.users.throttled.queryOptions());
  const unthrottle = useMutation(trpc.admin.users.unthrottle.mutationOptions());
  const [identifier, setIdentifier] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function lift(value: string) {
    setError(undefined);
    setOutcome(null);
    try {
      const result = await unthrottle.mutateAsync({ identifier: value });
      setOutcome({
        tone: "success",
        text: result.cleared
          ? t("unthrottled", { identifier: result.identifier })
          : t("notThrottled", { identifier: result.identifier }),
      });
      setIdentifier("");
      await queryClient.invalidateQueries({ queryKey: trpc.admin.users.throttled.queryKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.admin.home.pathKey() });
    } catch (caught) {
      const { code } = readTRPCError(caught);
      if (code === "BAD_REQUEST") setError(t("identifierInvalid"));
      else setOutcome({ tone: "error", text: tCommon("unexpected") });
    }
  }

  return (
    <Card id="throttled-title" title={t("throttledTitle")} description={t("throttledDescription")}>
      {outcome && (
        <Notice tone={outcome.tone} className="mb-3">
          {outcome.text}
        </Notice>
      )}
      {throttled.isPending ? (
        <LoadingBlock lines={1} />
      ) : throttled.isError ? (
        <LoadError onRetry={() => void throttled.refetch()} />
      ) : throttled.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("nobodyThrottled")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {throttled.data.items.map((item) => (
            <li key={item.identifier} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <div className="min-w-0">
                <p className="font-medium break-all">
                  {item.identifier.startsWith("+") ? formatPhone(item.identifier) : item.identifier}
                </p>
                <p className="text-sm text-slate-600">
                  {item.user ? `${item.user.name} · ${tRoles(item.user.role)} · ` : `${t("unknownAccount")} · `}
                  {item.lockedUntil
                    ? t("lockedUntil", {
                        time: `${formatDate(item.lockedUntil, locale)} ${formatTime(item.lockedUntil, locale)}`,
                      })
                    : t("steppedUp", {
                        count: item.failures,
                        time: `${formatDate(item.lastFailureAt, locale)} ${formatTime(item.lastFailureAt, locale)}`,
                      })}
                </p>
              </div>
              <button
                type="button"
                onClick={() => void lift(item.identifier)}
                disabled={unthrottle.isPending}
                className={SECONDARY_BUTTON}
              >
                <KeyRound aria-hidden="true" className="size-4" />
                {t("unthrottle")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        className="mt-4 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (identifier.trim().length < 3) return setError(t("identifierInvalid"));
          void lift(identifier.trim());
        }}
      >
        <Field
          id="unthrottle-identifier"
          label={t("identifier")}
          hint={t("identifierHint")}
          error={error}
          className="min-w-64 flex-1"
        >
          {(props) => (
            <input
              {...props}
              value={identifier}
              onChange={(event) => setIdentifier(event.target.value)}
              autoComplete="off"
              className={INPUT}
            />
          )}
        </Field>
        <button type="submit" disabled={unthrottle.isPending} className={`${SECONDARY_BUTTON} mb-5`}>
          {unthrottle.isPending && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
          {t("unthrottle")}
        </button>
      </form>
    </Card>
  );
}
