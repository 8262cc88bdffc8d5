"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate, formatPhone } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/react";
import { AddonCard } from "./addon-card";
import { allowanceText } from "@/app/_lib/addon-allowance";
import { BuyDialog } from "./buy-dialog";
import { TravelPicker } from "./travel-picker";
import type { AddonItem, AddonLine, Purchase } from "./types";

type Props = { lines: AddonLine[]; initialLineId: string | null };

const KINDS = ["DATA", "MINUTES", "ROAMING"] as const;

/** Packs and passes for one of the subscriber's mobile lines: the active ones, the catalogue, and "Travelling to…". */
export function AddonsView({ lines, initialLineId }: Props) {
  const t = useTranslations("addons");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [lineId, setLineId] = useState(initialLineId);
  const [buying, setBuying] = useState<AddonItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const name = (item: { name: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.name);

  const line = lines.find((candidate) => candidate.id === lineId) ?? null;
  const list = useQuery({ ...trpc.addon.list.queryOptions({ lineId: lineId ?? "" }), enabled: lineId !== null });
  const mine = useQuery({ ...trpc.addon.mine.queryOptions({ lineId: lineId ?? "" }), enabled: lineId !== null });

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.addon.mine.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.addon.list.queryKey() }),
    ]);
    router.refresh();
  }

  function onDone(purchase: Purchase) {
    setBuying(null);
    setNotice(t("dialog.done", { addon: name(purchase), date: formatDate(purchase.endsAt, locale) }));
    void refresh();
  }

  if (!line) {
    return <p className="rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-center">{t("noLines")}</p>;
  }

  const items = list.data?.items ?? [];

  return (
    <div className="space-y-8">
      {lines.length > 1 && (
        <div className="max-w-md">
          <label htmlFor="addon-line" className="block text-sm font-medium">
            {t("lineLabel")}
          </label>
          <select
            id="addon-line"
            value={line.id}
            onChange={(event) => {
              setLineId(event.target.value);
              setNotice(null);
            }}
            className="mt-1.5 block min-h-12 w-full rounded-lg border border-slate-400 bg-white px-3 text-base"
          >
            {lines.map((option) => (
              <option key={option.id} value={option.id}>
                {option.msisdn ? formatPhone(option.msisdn) : option.id} · {name(option.tariff)}
              </option>
            ))}
          </select>
        </div>
      )}

      {notice && (
        <p role="status" className="rounded-lg bg-emerald-50 p-3 text-sm font-medium text-emerald-900">
          {notice}
        </p>
      )}

      <section aria-labelledby="addons-active">
        <h2 id="addons-active" className="text-lg font-semibold">
          {t("active.title")}
        </h2>
        {mine.data && mine.data.items.length === 0 && <p className="mt-2 text-slate-700">{t("active.none")}</p>}
        <ul className="mt-3 space-y-3" data-testid="active-addons">
          {(mine.data?.items ?? []).map((purchase) => (
            <ActivePurchase key={purchase.id} purchase={purchase} onChanged={refresh} />
          ))}
        </ul>
      </section>

      <TravelPicker lineId={line.id} onBuy={setBuying} />

      {KINDS.map((kind) => {
        const ofKind = items.filter((item) => item.kind === kind);
        if (!ofKind.length) return null;
        return (
          <section key={kind} aria-labelledby={`addons-${kind}`}>
            <h2 id={`addons-${kind}`} className="text-lg font-semibold">
              {t(`kinds.${kind}`)}
            </h2>
            <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {ofKind.map((item) => (
                <li key={item.id}>
                  <AddonCard item={item} onBuy={() => setBuying(item)} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}

      {buying && <BuyDialog lineId={line.id} addon={buying} onClose={() => setBuying(null)} onDone={onDone} />}
    </div>
  );
}

function ActivePurchase({ purchase, onChanged }: { purchase: Purchase; onChanged: () => Promise<void> }) {
  const t = useTranslations("addons");
  const locale = useLocale();
  const trpc = useTRPC();
  const [message, setMessage] = useState<string | null>(null);
  const name = locale === "en" ? purchase.nameEn : purchase.name;
  const toggle = useMutation(
    trpc.addon.setAutoRenew.mutationOptions({
      onSuccess(result) {
        setMessage(result.autoRenew ? t("active.renewOn") : t("active.renewOff"));
        void onChanged();
      },
      onError() {
        setMessage(t("active.renewFailed"));
      },
    }),
  );
  return (
    <li className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm" aria-label={name}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h3 className="font-semibold">{name}</h3>
        <span className="text-sm text-slate-700">
          {t("active.until", { date: formatDate(purchase.endsAt, locale) })}
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {t("active.left", { what: allowanceText(purchase.remaining, t, locale) })}
      </p>
      {purchase.renewal === "MONTHLY" ? (
        <label className="mt-2 flex min-h-11 cursor-pointer items-center gap-3 text-sm">
          <input
            type="checkbox"
            role="switch"
            checked={purchase.autoRenew}
            disabled={toggle.isPending}
            onChange={(event) => toggle.mutate({ purchaseId: purchase.id, autoRenew: event.target.checked })}
            className="size-5 accent-brand-600"
          />
          {t("active.autoRenew")}
        </label>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("active.oneOff")}</p>
      )}
      {message && (
        <p role="status" className="mt-1 text-sm text-slate-700">
          {message}
        </p>
      )}
    </li>
  );
}
