"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Lock, LockOpen, Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatPhone } from "@/app/_lib/format";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { DANGER_BUTTON, INPUT, SECONDARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Field } from "../../_components/field";
import { Notice, type Outcome } from "../../_components/notice";
import { EmptyState, LoadError, LoadingBlock } from "../../_components/query-states";

/** A subscriber found by phone, locked (signed out everywhere, no sign-in) or unlocked; both audited. */
export function SubscriberLock() {
  const t = useTranslations("admin.users");
  const tCommon = useTranslations("admin.common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [phone, setPhone] = useState("");
  const [searched, setSearched] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const found = useQuery({
    ...trpc.admin.users.findSubscriber.queryOptions({ phone: searched ?? "" }),
    enabled: searched !== null,
    retry: false,
  });
  const lock = useMutation(trpc.admin.users.lock.mutationOptions());
  const unlock = useMutation(trpc.admin.users.unlock.mutationOptions());
  const user = found.data?.items[0];

  async function toggle(target: NonNullable<typeof user>) {
    setOutcome(null);
    try {
      if (target.lockedAt) {
        await unlock.mutateAsync({ userId: target.id });
        setOutcome({ tone: "success", text: t("unlocked", { name: target.name }) });
      } else {
        if (!window.confirm(t("lockConfirm", { name: target.name }))) return;
        await lock.mutateAsync({ userId: target.id });
        setOutcome({ tone: "success", text: t("locked", { name: target.name }) });
      }
    } catch {
      setOutcome({ tone: "error", text: tCommon("unexpected") });
    } finally {
      await queryClient.invalidateQueries({ queryKey: trpc.admin.users.findSubscriber.queryKey() });
    }
  }

  const isInvalid = found.isError && readTRPCError(found.error).code === "BAD_REQUEST";
  return (
    <Card id="subscriber-lock-title" title={t("subscriberTitle")} description={t("subscriberDescription")}>
      <form
        noValidate
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setOutcome(null);
          if (phone.trim().length < 5) return setError(t("phoneInvalid"));
          setError(undefined);
          setSearched(phone.trim());
        }}
      >
        <Field
          id="subscriber-phone"
          label={t("subscriberPhone")}
          hint={t("identifierHint")}
          error={error ?? (isInvalid ? t("phoneInvalid") : undefined)}
          className="min-w-0 flex-1 sm:min-w-64"
        >
          {(props) => (
            <input
              {...props}
              type="tel"
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
              autoComplete="off"
              className={INPUT}
            />
          )}
        </Field>
        <button type="submit" className={`${SECONDARY_BUTTON} mb-5`}>
          <Search aria-hidden="true" className="size-4" />
          {t("find")}
        </button>
      </form>
      {outcome && (
        <Notice tone={outcome.tone} className="mb-3">
          {outcome.text}
        </Notice>
      )}
      {searched !== null &&
        (found.isPending ? (
          <LoadingBlock lines={1} />
        ) : found.isError ? (
          isInvalid ? null : (
            <LoadError onRetry={() => void found.refetch()} />
          )
        ) : !user ? (
          <EmptyState title={t("noSubscriber")} />
        ) : (
          <div className="flex flex-wrap items-center justify-between gap-3" data-testid="subscriber-lock-result">
            <div className="min-w-0">
              <p className="font-medium">
                {user.name}
                {user.lockedAt && (
                  <span className="ml-2 rounded-full bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800 ring-1 ring-red-200">
                    {t("lockedBadge")}
                  </span>
                )}
              </p>
              <p className="text-sm break-all text-slate-600">
                {user.phone ? formatPhone(user.phone) : ""}
                {user.customer && ` · ${t("accountNumber", { number: user.customer.accountNumber })}`} ·{" "}
                {t("openSessions", { count: user.openSessions })}
              </p>
            </div>
            <button
              type="button"
              onClick={() => void toggle(user)}
              disabled={lock.isPending || unlock.isPending}
              className={user.lockedAt ? SECONDARY_BUTTON : DANGER_BUTTON}
              aria-label={user.lockedAt ? t("unlockLabel", { name: user.name }) : t("lockLabel", { name: user.name })}
            >
              {user.lockedAt ? (
                <LockOpen aria-hidden="true" className="size-4" />
              ) : (
                <Lock aria-hidden="true" className="size-4" />
              )}
              {user.lockedAt ? t("unlock") : t("lock")}
            </button>
          </div>
        ))}
    </Card>
  );
}
