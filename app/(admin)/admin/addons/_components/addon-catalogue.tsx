"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Archive, ArchiveRestore, Pencil, Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { formatGigabytes, formatNumber } from "@/app/_lib/format";
import { newIdempotencyKey } from "@/app/_lib/idempotency-key";
import { formatMoney } from "@/app/_lib/money";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Notice, type Outcome } from "../../_components/notice";
import { PageHeader } from "../../_components/page-header";
import { EmptyState, LoadError, LoadingBlock } from "../../_components/query-states";
import { AddonForm, EMPTY_ADDON, type AddonFormInput, type AddonFormValues } from "./addon-form";

type Addon = RouterOutputs["admin"]["addons"]["list"]["items"][number];
type Editing = { mode: "create" } | { mode: "edit"; addon: Addon } | null;

function formOf(addon: Addon): AddonFormInput {
  return {
    id: addon.id,
    kind: addon.kind,
    name: addon.name,
    nameEn: addon.nameEn,
    description: addon.description,
    descriptionEn: addon.descriptionEn,
    priceCents: addon.priceCents,
    dataMb: addon.dataMb,
    minutes: addon.minutes,
    validityDays: addon.validityDays,
    zoneId: addon.zoneId,
    eligibleTariffIds: addon.eligibleTariffIds,
    renewal: addon.renewal,
  };
}

/** The add-on catalogue: data and minute packs and roaming passes, created, edited, retired or brought back. */
export function AddonCatalogue() {
  const t = useTranslations("admin.addons");
  const tCommon = useTranslations("admin.common");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.admin.addons.list.queryOptions());
  const tariffs = useQuery(trpc.admin.tariffs.list.queryOptions());
  const [editing, setEditing] = useState<Editing>(null);
  const [createKey, setCreateKey] = useState(() => newIdempotencyKey("addon"));
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.addons.pathKey() });

  const create = useMutation(trpc.admin.addons.create.mutationOptions());
  const update = useMutation(trpc.admin.addons.update.mutationOptions());
  const retire = useMutation(trpc.admin.addons.retire.mutationOptions());
  const reactivate = useMutation(trpc.admin.addons.reactivate.mutationOptions());

  function failed(error: unknown) {
    const { code } = readTRPCError(error);
    const text =
      code === "CONFLICT"
        ? t("form.idTaken")
        : code === "BAD_REQUEST"
          ? tCommon("checkFields")
          : code === "NOT_FOUND"
            ? tCommon("notFound")
            : tCommon("unexpected");
    setOutcome({ tone: "error", text });
  }

  function open(next: Editing) {
    setEditing(next);
    setOutcome(null);
    if (next?.mode === "create") setCreateKey(newIdempotencyKey("addon"));
    requestAnimationFrame(() => formRef.current?.scrollIntoView({ block: "start" }));
  }

  /** Rejects with the error when the save fails, so the form can mark its fields. */
  async function submit(values: AddonFormValues) {
    setOutcome(null);
    try {
      if (editing?.mode === "edit") {
        const { id: _id, ...changes } = values;
        const saved = await update.mutateAsync({ id: editing.addon.id, ...changes });
        setOutcome({ tone: "success", text: t("updated", { name: saved.name }) });
      } else {
        const saved = await create.mutateAsync({ ...values, idempotencyKey: createKey });
        setOutcome({ tone: "success", text: t("created", { name: saved.name }) });
      }
      setEditing(null);
      await refresh();
    } catch (error) {
      failed(error);
      throw error;
    }
  }

  async function act(action: () => Promise<unknown>, success: string) {
    setOutcome(null);
    try {
      await action();
      setOutcome({ tone: "success", text: success });
      await refresh();
    } catch (error) {
      failed(error);
    }
  }

  const mobileTariffs = (tariffs.data?.items ?? []).filter((tariff) => tariff.kind === "MOBILE");
  const nameOf = (item: { name: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.name);
  const adds = (addon: Addon) =>
    [
      addon.dataMb !== null ? t("units.data", { value: formatGigabytes(addon.dataMb, locale) }) : null,
      addon.minutes !== null ? t("units.minutes", { value: formatNumber(addon.minutes, locale) }) : null,
    ]
      .filter(Boolean)
      .join(" + ");

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <button type="button" onClick={() => open({ mode: "create" })} className={PRIMARY_BUTTON}>
            <Plus aria-hidden="true" className="size-4" />
            {t("new")}
          </button>
        }
      />
      {outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}
      <div ref={formRef} className="scroll-mt-20">
        {editing &&
          list.data &&
          (tariffs.isError ? (
            <LoadError onRetry={() => void tariffs.refetch()} />
          ) : !tariffs.data ? (
            <LoadingBlock lines={4} />
          ) : (
            <Card
              id="addon-form-title"
              title={editing.mode === "edit" ? t("editTitle", { name: editing.addon.name }) : t("newTitle")}
            >
              <AddonForm
                key={editing.mode === "edit" ? editing.addon.id : createKey}
                initial={editing.mode === "edit" ? formOf(editing.addon) : EMPTY_ADDON}
                isEdit={editing.mode === "edit"}
                isPending={create.isPending || update.isPending}
                zones={list.data.zones}
                tariffs={mobileTariffs}
                onSubmit={submit}
                onCancel={() => setEditing(null)}
              />
            </Card>
          ))}
      </div>

      {list.isPending ? (
        <LoadingBlock lines={5} />
      ) : list.isError ? (
        <LoadError onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {list.data.items.map((addon) => {
            const isRetired = addon.status === "RETIRED";
            const titleId = `addon-${addon.id}`;
            const soldOn = addon.eligibleTariffIds
              .map((id) => mobileTariffs.find((tariff) => tariff.id === id))
              .filter((tariff) => tariff !== undefined)
              .map(nameOf);
            return (
              <li key={addon.id}>
                <article
                  aria-labelledby={titleId}
                  className={`h-full rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${isRetired ? "opacity-80" : ""}`}
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <h2 id={titleId} className="text-lg font-semibold">
                        {nameOf(addon)}
                      </h2>
                      <p className="text-sm break-all text-slate-600">
                        {addon.id} · {t(`form.kinds.${addon.kind}`)}
                        {addon.zone ? ` · ${nameOf(addon.zone)}` : ""}
                      </p>
                    </div>
                    <span
                      className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${isRetired ? "bg-slate-100 text-slate-700 ring-slate-300" : "bg-emerald-50 text-emerald-800 ring-emerald-200"}`}
                    >
                      {t(`status.${addon.status}`)}
                    </span>
                  </div>
                  <p className="mt-3 text-2xl font-bold tabular-nums">
                    {formatMoney(addon.priceCents, addon.currency, locale)}
                  </p>
                  <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
                    <div>
                      <dt className="text-slate-600">{t("adds")}</dt>
                      <dd>{adds(addon)}</dd>
                    </div>
                    <div>
                      <dt className="text-slate-600">{t("lasts")}</dt>
                      <dd>{t("days", { days: addon.validityDays })}</dd>
                    </div>
                    <div>
                      <dt className="text-slate-600">{t("form.renewal")}</dt>
                      <dd>{t(`form.renewals.${addon.renewal}`)}</dd>
                    </div>
                    <div className="col-span-2">
                      <dt className="text-slate-600">{t("soldOn")}</dt>
                      <dd>{soldOn.length ? soldOn.join(", ") : t("everyTariff")}</dd>
                    </div>
                    <div>
                      <dt className="text-slate-600">{t("inForce")}</dt>
                      <dd className="tabular-nums">{formatNumber(addon.activePurchases, locale)}</dd>
                    </div>
                  </dl>
                  <div className="mt-4 flex flex-wrap gap-2">
                    <button
                      type="button"
                      onClick={() => open({ mode: "edit", addon })}
                      className={SECONDARY_BUTTON}
                      aria-label={t("editLabel", { name: addon.name })}
                    >
                      <Pencil aria-hidden="true" className="size-4" />
                      {tCommon("edit")}
                    </button>
                    {isRetired ? (
                      <button
                        type="button"
                        disabled={reactivate.isPending}
                        onClick={() =>
                          act(() => reactivate.mutateAsync({ id: addon.id }), t("reactivated", { name: addon.name }))
                        }
                        className={SECONDARY_BUTTON}
                      >
                        <ArchiveRestore aria-hidden="true" className="size-4" />
                        {t("reactivate")}
                      </button>
                    ) : (
                      <button
                        type="button"
                        disabled={retire.isPending}
                        onClick={() => {
                          if (window.confirm(t("retireConfirm", { name: addon.name, count: addon.activePurchases })))
                            void act(() => retire.mutateAsync({ id: addon.id }), t("retired", { name: addon.name }));
                        }}
                        className={SECONDARY_BUTTON}
                        aria-label={t("retireLabel", { name: addon.name })}
                      >
                        <Archive aria-hidden="true" className="size-4" />
                        {t("retire")}
                      </button>
                    )}
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
