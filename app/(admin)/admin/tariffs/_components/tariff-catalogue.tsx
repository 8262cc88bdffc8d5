"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Archive, ArchiveRestore, Pencil, Plus, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { formatGigabytes, formatNumber } from "@/app/_lib/format";
import { newIdempotencyKey } from "@/app/_lib/idempotency-key";
import { formatMoney } from "@/app/_lib/money";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { DANGER_BUTTON, PRIMARY_BUTTON, SECONDARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Notice, type Outcome } from "../../_components/notice";
import { PageHeader } from "../../_components/page-header";
import { EmptyState, LoadError, LoadingBlock } from "../../_components/query-states";
import { EMPTY_TARIFF, TariffForm, type TariffFormInput, type TariffFormValues } from "./tariff-form";

type Tariff = RouterOutputs["admin"]["tariffs"]["list"]["items"][number];
type Editing = { mode: "create" } | { mode: "edit"; tariff: Tariff } | null;

function formOf(tariff: Tariff): TariffFormInput {
  return {
    code: tariff.code,
    name: tariff.name,
    nameEn: tariff.nameEn,
    description: tariff.description,
    descriptionEn: tariff.descriptionEn,
    kind: tariff.kind,
    monthlyFeeCents: tariff.monthlyFeeCents,
    minutes: tariff.minutes,
    sms: tariff.sms,
    dataMb: tariff.dataMb,
    minuteCents: tariff.minuteCents,
    smsCents: tariff.smsCents,
    dataBlockCents: tariff.dataBlockCents,
    openToSegments: tariff.openToSegments,
    soldToNewCustomers: tariff.soldToNewCustomers,
    minTermMonths: tariff.minTermMonths,
  };
}

/** The catalogue: every tariff with its lines, created, edited, opened to segments, retired or brought back. */
export function TariffCatalogue() {
  const t = useTranslations("admin.tariffs");
  const tCommon = useTranslations("admin.common");
  const tSegments = useTranslations("admin.segments");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.admin.tariffs.list.queryOptions());
  const [editing, setEditing] = useState<Editing>(null);
  const [createKey, setCreateKey] = useState(() => newIdempotencyKey("tariff"));
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.tariffs.pathKey() });

  const create = useMutation(trpc.admin.tariffs.create.mutationOptions());
  const update = useMutation(trpc.admin.tariffs.update.mutationOptions());
  const retire = useMutation(trpc.admin.tariffs.retire.mutationOptions());
  const reactivate = useMutation(trpc.admin.tariffs.reactivate.mutationOptions());
  const remove = useMutation(trpc.admin.tariffs.delete.mutationOptions());

  function failed(error: unknown) {
    const { code, fields } = readTRPCError(error);
    const text =
      code === "CONFLICT" && fields.code
        ? t("form.codeTaken")
        : code === "CONFLICT"
          ? t("inUse")
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
    if (next?.mode === "create") setCreateKey(newIdempotencyKey("tariff"));
    requestAnimationFrame(() => formRef.current?.scrollIntoView({ block: "start" }));
  }

  /** Rejects with the error when the save fails, so the form can mark its fields. */
  async function submit(values: TariffFormValues) {
    setOutcome(null);
    try {
      if (editing?.mode === "edit") {
        const { code: _code, ...changes } = values;
        const saved = await update.mutateAsync({ id: editing.tariff.id, ...changes });
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

  const allowance = (value: number | null, unit: "minutes" | "sms" | "data") =>
    value === null
      ? t("unlimited")
      : unit === "data"
        ? t("units.data", { value: formatGigabytes(value, locale) })
        : t(`units.${unit}`, { value: formatNumber(value, locale) });

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
        {editing && (
          <Card
            id="tariff-form-title"
            title={editing.mode === "edit" ? t("editTitle", { name: editing.tariff.name }) : t("newTitle")}
          >
            <TariffForm
              key={editing.mode === "edit" ? editing.tariff.id : createKey}
              initial={editing.mode === "edit" ? formOf(editing.tariff) : EMPTY_TARIFF}
              isEdit={editing.mode === "edit"}
              isPending={create.isPending || update.isPending}
              onSubmit={submit}
              onCancel={() => setEditing(null)}
            />
          </Card>
        )}
      </div>

      {list.isPending ? (
        <LoadingBlock lines={5} />
      ) : list.isError ? (
        <LoadError onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {list.data.items.map((tariff) => {
            const isRetired = tariff.status === "RETIRED";
            const titleId = `tariff-${tariff.id}`;
            return (
              <li key={tariff.id}>
                <article
                  aria-labelledby={titleId}
                  className={`h-full rounded-2xl border bg-white p-4 shadow-sm sm:p-5 ${isRetired ? "border-slate-200 opacity-80" : "border-slate-200"}`}
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <h2 id={titleId} className="text-lg font-semibold">
                        {locale === "en" ? tariff.nameEn : tariff.name}
                      </h2>
                      <p className="text-sm text-slate-600">
                        {tariff.code} · {t(`form.kinds.${tariff.kind}`)}
                      </p>
                    </div>
                    <span
                      className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${isRetired ? "bg-slate-100 text-slate-700 ring-slate-300" : "bg-emerald-50 text-emerald-800 ring-emerald-200"}`}
                    >
                      {t(`status.${tariff.status}`)}
                    </span>
                  </div>
                  <p className="mt-3 text-2xl font-bold tabular-nums">
                    {t("perMonth", { amount: formatMoney(tariff.monthlyFeeCents, tariff.currency, locale) })}
                  </p>
                  <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
                    {tariff.kind === "MOBILE" && (
                      <>
                        <div>
                          <dt className="text-slate-600">{t("form.minutes")}</dt>
                          <dd>{allowance(tariff.minutes, "minutes")}</dd>
                        </div>
                        <div>
                          <dt className="text-slate-600">{t("form.sms")}</dt>
                          <dd>{allowance(tariff.sms, "sms")}</dd>
                        </div>
                      </>
                    )}
                    <div>
                      <dt className="text-slate-600">{t("form.dataMb")}</dt>
                      <dd>{allowance(tariff.dataMb, "data")}</dd>
                    </div>
                    <div>
                      <dt className="text-slate-600">{t("openTo")}</dt>
                      <dd>
                        {tariff.openToSegments.length
                          ? tariff.openToSegments.map((segment) => tSegments(segment)).join(", ")
                          : t("everyone")}
                      </dd>
                    </div>
                    <div>
                      <dt className="text-slate-600">{t("newCustomers")}</dt>
                      <dd>{tariff.soldToNewCustomers ? tCommon("yes") : tCommon("no")}</dd>
                    </div>
                    <div>
                      <dt className="text-slate-600">{t("activeLines")}</dt>
                      <dd className="tabular-nums">{formatNumber(tariff.activeLines, locale)}</dd>
                    </div>
                  </dl>
                  <div className="mt-4 flex flex-wrap gap-2">
                    <button
                      type="button"
                      onClick={() => open({ mode: "edit", tariff })}
                      className={SECONDARY_BUTTON}
                      aria-label={t("editLabel", { name: tariff.name })}
                    >
                      <Pencil aria-hidden="true" className="size-4" />
                      {tCommon("edit")}
                    </button>
                    {isRetired ? (
                      <button
                        type="button"
                        disabled={reactivate.isPending}
                        onClick={() =>
                          act(() => reactivate.mutateAsync({ id: tariff.id }), t("reactivated", { name: tariff.name }))
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
                          if (window.confirm(t("retireConfirm", { name: tariff.name, lines: tariff.activeLines })))
                            void act(() => retire.mutateAsync({ id: tariff.id }), t("retired", { name: tariff.name }));
                        }}
                        className={SECONDARY_BUTTON}
                      >
                        <Archive aria-hidden="true" className="size-4" />
                        {t("retire")}
                      </button>
                    )}
                    {tariff.activeLines === 0 && (
                      <button
                        type="button"
                        disabled={remove.isPending}
                        onClick={() => {
                          if (window.confirm(t("deleteConfirm", { name: tariff.name })))
                            void act(
                              () =>
                                remove.mutateAsync({
                                  id: tariff.id,
                                  idempotencyKey: newIdempotencyKey("tariff-delete"),
                                }),
                              t("deleted", { name: tariff.name }),
                            );
                        }}
                        className={DANGER_BUTTON}
                      >
                        <Trash2 aria-hidden="true" className="size-4" />
                        {t("delete")}
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
