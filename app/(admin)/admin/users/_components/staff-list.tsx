"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Lock, LockOpen } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import { formatDate } from "@/app/_lib/format";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { STAFF_ROLES } from "@/server/domain/admin/admin.schema";
import { DANGER_BUTTON, SECONDARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Notice, type Outcome } from "../../_components/notice";
import { ResetLinkButton } from "./reset-link-button";
import { EmptyState, LoadError, LoadMoreButton, LoadingBlock } from "../../_components/query-states";
import { SearchFilterBar } from "../../_components/search-filter-bar";

type StaffRole = (typeof STAFF_ROLES)[number];

/** Agents, dealers' staff and supervisors; locking one ends their sessions at once. */
export function StaffList({ selfId }: { selfId: string }) {
  const t = useTranslations("admin.users");
  const tCommon = useTranslations("admin.common");
  const tRoles = useTranslations("common.roles");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<StaffRole | "">("");
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query.trim());
  const input = { limit: 50, ...(role ? { role } : {}), ...(deferred ? { query: deferred } : {}) };
  const list = useInfiniteQuery(
    trpc.admin.users.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const lock = useMutation(trpc.admin.users.lock.mutationOptions());
  const unlock = useMutation(trpc.admin.users.unlock.mutationOptions());
  const resetSecondFactor = useMutation(trpc.admin.users.resetSecondFactor.mutationOptions());
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function toggle(user: (typeof items)[number]) {
    setOutcome(null);
    try {
      if (user.lockedAt) {
        await unlock.mutateAsync({ userId: user.id });
        setOutcome({ tone: "success", text: t("unlocked", { name: user.name }) });
      } else {
        if (!window.confirm(t("lockConfirm", { name: user.name }))) return;
        const locked = await lock.mutateAsync({ userId: user.id });
        setOutcome({ tone: "success", text: t("locked", { name: locked.name }) });
      }
      await queryClient.invalidateQueries({ queryKey: trpc.admin.users.pathKey() });
    } catch (error) {
      const { code } = readTRPCError(error);
      setOutcome({ tone: "error", text: code === "BAD_REQUEST" ? t("cannotLockSelf") : tCommon("unexpected") });
    }
  }

  /** A lost phone: the TOTP and the recovery codes go, sessions end, the next sign-in enrols again. */
  async function reset(user: (typeof items)[number]) {
    setOutcome(null);
    if (!window.confirm(t("resetSecondFactorConfirm", { name: user.name }))) return;
    try {
      await resetSecondFactor.mutateAsync({ userId: user.id });
      setOutcome({ tone: "success", text: t("secondFactorReset", { name: user.name }) });
      await queryClient.invalidateQueries({ queryKey: trpc.admin.users.pathKey() });
    } catch (error) {
      const { code } = readTRPCError(error);
      setOutcome({ tone: "error", text: code === "BAD_REQUEST" ? t("cannotResetSelf") : tCommon("unexpected") });
    }
  }

  const isBusy = lock.isPending || unlock.isPending || resetSecondFactor.isPending;

  return (
    <Card id="staff-title" title={t("staffTitle")} description={t("staffDescription")}>
      <SearchFilterBar
        id="staff"
        query={query}
        onQuery={setQuery}
        searchLabel={t("search")}
        filter={{
          label: t("role"),
          allLabel: t("allRoles"),
          value: role,
          onChange: setRole,
          options: STAFF_ROLES.map((value) => ({ value, label: tRoles(value) })),
        }}
      />
      {outcome && (
        <Notice tone={outcome.tone} className="mt-3">
          {outcome.text}
        </Notice>
      )}
      <div className="mt-3" aria-busy={list.isFetching}>
        {list.isPending ? (
          <LoadingBlock />
        ) : list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t("noStaff")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((user) => (
              <li key={user.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <div className="min-w-0">
                  <p className="font-medium">
                    {user.name}
                    {user.lockedAt && (
                      <span className="ml-2 rounded-full bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800 ring-1 ring-red-200">
                        {t("lockedBadge")}
                      </span>
                    )}
                    {user.secondFactorEnrolledAt ? (
                      <span className="ml-2 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-800 ring-1 ring-emerald-200">
                        {t("secondFactorOn")}
                      </span>
                    ) : (
                      <span className="ml-2 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-200">
                        {t("secondFactorOff")}
                      </span>
                    )}
                  </p>
                  <p className="text-sm break-all text-slate-600">
                    {tRoles(user.role)} · {user.email}
                    {user.partner && ` · ${user.partner.name}`} ·{" "}
                    {t("since", { date: formatDate(user.createdAt, locale) })}
                  </p>
                </div>
                {user.id !== selfId && <ResetLinkButton user={user} />}
                {user.id !== selfId && (
                  <div className="flex flex-wrap gap-2">
                    {user.secondFactorEnrolledAt && (
                      <button
                        type="button"
                        onClick={() => void reset(user)}
                        disabled={isBusy}
                        className={SECONDARY_BUTTON}
                        aria-label={t("resetSecondFactorLabel", { name: user.name })}
                      >
                        <KeyRound aria-hidden="true" className="size-4" />
                        {t("resetSecondFactor")}
                      </button>
                    )}
                    <button
                      type="button"
                      onClick={() => void toggle(user)}
                      disabled={isBusy}
                      className={user.lockedAt ? SECONDARY_BUTTON : DANGER_BUTTON}
                      aria-label={
                        user.lockedAt ? t("unlockLabel", { name: user.name }) : t("lockLabel", { name: user.name })
                      }
                    >
                      {user.lockedAt ? (
                        <LockOpen aria-hidden="true" className="size-4" />
                      ) : (
                        <Lock aria-hidden="true" className="size-4" />
                      )}
                      {user.lockedAt ? t("unlock") : t("lock")}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        <LoadMoreButton list={list} />
      </div>
    </Card>
  );
}
