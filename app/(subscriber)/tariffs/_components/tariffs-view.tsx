"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatDate, formatPhone } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/react";
import { ChangeDialog, type ChangeDone } from "./change-dialog";
import { CompareTable } from "./compare-table";
import { PendingChange } from "./pending-change";
import { Recommendation } from "./recommendation";
import { TariffCard } from "./tariff-card";
import type { LineOption, TariffItem } from "./types";

const MAX_COMPARED = 3;
const PROVISIONING_POLL_MS = 1500;

const isProvisioning = (change: { status: string }) => change.status === "PROVISIONING";

type Props = { lines: LineOption[]; initialLineId: string | null; currency: string };

/** The catalogue for one of the subscriber's lines: recommendation, comparison, and the switch itself. */
export function TariffsView({ lines, initialLineId, currency }: Props) {
  const t = useTranslations("tariffs");
  const tDashboard = useTranslations("dashboard");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [lineId, setLineId] = useState(initialLineId);
  const [compared, setCompared] = useState<string[]>([]);
  const [choosing, setChoosing] = useState<TariffItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const line = lines.find((candidate) => candidate.id === lineId) ?? null;
  const list = useQuery({ ...trpc.tariff.list.queryOptions({ lineId: lineId ?? "" }), enabled: lineId !== null });
  const changes = useQuery({
    ...trpc.tariff.changes.queryOptions(
      { lineId: lineId ?? "" },
      // While the network switches the line, look again until it has.
      { refetchInterval: (query) => (query.state.data?.some(isProvisioning) ? PROVISIONING_POLL_MS : false) },
    ),
    enabled: lineId !== null,
  });
  const pending = changes.data?.find((change) => change.status === "PENDING" || isProvisioning(change)) ?? null;
  const switching = changes.data?.find(isProvisioning) ?? null;

  const refresh = useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.tariff.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.tariff.changes.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.tariff.recommend.queryKey() }),
    ]);
    router.refresh();
  }, [queryClient, trpc, router]);

  const watched = useRef<string | null>(null);

  // When the switch the network was applying ends, say so and show the line's new tariff.
  useEffect(() => {
    if (switching) {
      watched.current = switching.id;
      return;
    }
    const ended = watched.current ? changes.data?.find((change) => change.id === watched.current) : undefined;
    if (!ended) return;
    watched.current = null;
    if (ended.status === "APPLIED")
      setNotice(t("pending.applied", { tariff: locale === "en" ? ended.toTariff.nameEn : ended.toTariff.name }));
    void refresh();
  }, [switching, changes.data, locale, refresh, t]);

  const labelOf = (option: LineOption) =>
    option.msisdn
      ? formatPhone(option.msisdn)
      : `${tDashboard(`kind.${option.kind}`)}${option.address ? `, ${option.address}` : ""}`;

  function onDone(done: ChangeDone) {
    setChoosing(null);
    // An immediate switch is with the network now: its end is told when the changes show it applied.
    if (done.effective === "IMMEDIATE") watched.current = done.id;
    setNotice(
      done.effective === "IMMEDIATE"
        ? t("change.doneImmediate", { tariff: done.tariffName })
        : t("change.doneScheduled", { tariff: done.tariffName, date: formatDate(done.effectiveAt, locale) }),
    );
    void refresh();
  }

  if (!line) {
    return (
      <p className="rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-center">
        {tDashboard("noLines")}
      </p>
    );
  }

  const tariffs = (list.data?.items ?? []).filter((tariff) => tariff.kind === line.kind);
  const comparedTariffs = tariffs.filter((tariff) => compared.includes(tariff.id));

  return (
    <div className="space-y-6">
      {lines.length > 1 && (
        <div className="max-w-md">
          <label htmlFor="tariff-line" className="block text-sm font-medium">
            {t("lineLabel")}
          </label>
          <select
            id="tariff-line"
            value={line.id}
            onChange={(event) => {
              setLineId(event.target.value);
              setCompared([]);
              setNotice(null);
            }}
            className="mt-1.5 block min-h-12 w-full rounded-lg border border-slate-400 bg-white px-3 text-base"
          >
            {lines.map((option) => (
              <option key={option.id} value={option.id}>
                {t("lineOption", {
                  line: labelOf(option),
                  tariff: locale === "en" ? option.tariff.nameEn : option.tariff.name,
                })}
              </option>
            ))}
          </select>
        </div>
      )}

      <div aria-live="polite">
        {notice && (
          <p role="status" className="rounded-2xl bg-emerald-50 p-4 font-medium text-emerald-900">
            {notice}
          </p>
        )}
      </div>

      {pending && (
        <PendingChange
          change={pending}
          lineLabel={labelOf(line)}
          onCancelled={() => {
            setNotice(t("pending.cancelled"));
            void refresh();
          }}
        />
      )}

      <Recommendation
        lineId={line.id}
        currency={currency}
        onShow={(tariffId) => {
          const target = tariffs.find((tariff) => tariff.id === tariffId);
          if (target) setChoosing(target);
        }}
      />

      {comparedTariffs.length > 0 ? (
        <CompareTable tariffs={comparedTariffs} currency={currency} onClear={() => setCompared([])} />
      ) : (
        <p className="text-sm text-slate-600">{t("compare.hint")}</p>
      )}

      {list.isPending && (
        <div role="status" className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          <span className="sr-only">{t("title")}</span>
          {[0, 1, 2].map((i) => (
            <div key={i} aria-hidden="true" className="h-72 animate-pulse rounded-2xl bg-slate-200" />
          ))}
        </div>
      )}
      {list.isError && (
        <div role="alert" className="rounded-2xl bg-red-50 p-4 text-red-800">
          <p className="font-medium">{t("loadError")}</p>
          <button type="button" onClick={() => void list.refetch()} className="mt-2 min-h-11 font-semibold underline">
            {tDashboard("retry")}
          </button>
        </div>
      )}
      {list.data && tariffs.length === 0 && (
        <p className="rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-center">
          {t("emptyCatalogue")}
        </p>
      )}
      {tariffs.length > 0 && (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {tariffs.map((tariff) => (
            <li key={tariff.id}>
              <TariffCard
                tariff={tariff}
                currency={currency}
                isCompared={compared.includes(tariff.id)}
                canCompareMore={compared.length < MAX_COMPARED}
                onToggleCompare={() =>
                  setCompared((current) =>
                    current.includes(tariff.id) ? current.filter((id) => id !== tariff.id) : [...current, tariff.id],
                  )
                }
                onChoose={() => {
                  setNotice(null);
                  setChoosing(tariff);
                }}
              />
            </li>
          ))}
        </ul>
      )}

      {choosing && (
        <ChangeDialog
          key={choosing.id}
          lineId={line.id}
          tariff={choosing}
          currency={currency}
          onClose={() => setChoosing(null)}
          onDone={onDone}
        />
      )}
    </div>
  );
}
