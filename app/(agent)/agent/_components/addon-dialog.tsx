"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { DialogActions, DialogDone } from "@/app/_components/dialog-actions";
import { Modal } from "@/app/_components/modal";
import { allowanceText } from "@/app/_lib/addon-allowance";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { formatMoney } from "@/app/_lib/money";
import { useTRPC } from "@/app/_trpc/react";
import { CallError } from "./call-error";

/**
 * An add-on bought for the customer on the phone (agent.buyAddon, audited): the same catalogue and
 * the same refusals the subscriber sees, charged on the next bill.
 */
export function AddonDialog({ line, onClose }: { line: { id: string; label: string }; onClose: () => void }) {
  const t = useTranslations("agent.addon");
  const tAddons = useTranslations("addons");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.agent.addonOptions.queryOptions({ lineId: line.id }));
  const [addonId, setAddonId] = useState<string | null>(null);
  // A new choice is a new purchase (a new key); sending the same choice again reuses its key.
  const { key: idempotencyKey, renew } = useIdempotencyKey("agent-addon");
  const buy = useMutation(
    trpc.agent.buyAddon.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.agent.pathFilter()),
    }),
  );
  const chosen = options.data?.items.find((item) => item.id === addonId);
  const nameOf = (item: { name: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.name);

  return (
    <Modal isOpen onClose={onClose} title={t("title", { line: line.label })}>
      {buy.isSuccess && chosen ? (
        <DialogDone message={t("bought", { name: nameOf(chosen) })} closeLabel={t("close")} onClose={onClose} />
      ) : options.isPending ? (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
          <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
          {t("loading")}
        </p>
      ) : options.isError ? (
        <CallError error={options.error} />
      ) : options.data.items.length === 0 ? (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (addonId) buy.mutate({ lineId: line.id, addonId, idempotencyKey });
          }}
        >
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t("choose")}</legend>
            {options.data.items.map((item) => (
              <label
                key={item.id}
                className={`flex min-h-11 items-start gap-3 rounded-lg border border-slate-200 p-2.5 text-sm ${item.eligible ? "" : "text-slate-500"}`}
              >
                <input
                  type="radio"
                  name="addon"
                  value={item.id}
                  checked={addonId === item.id}
                  disabled={!item.eligible}
                  onChange={() => {
                    setAddonId(item.id);
                    renew();
                  }}
                  className="mt-0.5 size-4 shrink-0"
                />
                <span className="min-w-0 flex-1">
                  <span className="block font-medium">{nameOf(item)}</span>
                  <span className="block text-slate-600">
                    {allowanceText(item, tAddons, locale)} · {tAddons("allowance.days", { days: item.validityDays })}
                    {item.renewal === "MONTHLY" ? ` · ${tAddons("monthly")}` : ""}
                  </span>
                  {!item.eligible && (
                    <span className="block text-amber-900">
                      {item.reasons.map((reason) => tAddons(`reasons.${reason}`)).join("; ")}
                    </span>
                  )}
                </span>
                <span className="shrink-0 font-semibold tabular-nums">
                  {formatMoney(item.priceCents, item.currency, locale)}
                </span>
              </label>
            ))}
          </fieldset>
          <p className="text-sm text-slate-700">{t("charged")}</p>
          <CallError error={buy.error} />
          <DialogActions
            pending={buy.isPending}
            disabled={!chosen?.eligible}
            submitLabel={
              chosen ? t("buy", { price: formatMoney(chosen.priceCents, chosen.currency, locale) }) : t("pick")
            }
            pendingLabel={t("buying")}
            cancelLabel={t("cancel")}
            onCancel={onClose}
          />
        </form>
      )}
    </Modal>
  );
}
