"use client";

import { Smartphone, Wifi } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatGigabytes, formatNumber, formatPhone } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import type { Customer360Data } from "./customer-360";
import { SimReplaceOnBehalf } from "./c360-sim";
import { AddonDialog } from "./addon-dialog";
import { actionsFor, LineActionsDialog } from "./line-actions-dialog";
import { NetworkCommands } from "./network-commands";
import { SpendLimitDialog } from "./spend-limit-dialog";
import { TariffChangeDialog } from "./tariff-change-dialog";

type Line = Customer360Data["lines"][number];

function Meter({
  id,
  label,
  used,
  included,
  format,
}: {
  id: string;
  label: string;
  used: number;
  included: number | null;
  format: (value: number) => string;
}) {
  const t = useTranslations("agent.c360");
  if (included === null) {
    return (
      <div className="flex justify-between gap-2 text-sm">
        <span>{label}</span>
        <span className="text-slate-700">{t("usedUnlimited", { used: format(used) })}</span>
      </div>
    );
  }
  const share = included > 0 ? Math.min(used / included, 1) : used > 0 ? 1 : 0;
  const text = t("usedOf", { used: format(used), included: format(included) });
  return (
    <div>
      <div className="flex justify-between gap-2 text-sm">
        <span id={`${id}-label`}>{label}</span>
        <span className={used > included ? "font-medium text-red-700" : "text-slate-700"}>{text}</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={included}
        aria-valuenow={Math.min(used, included)}
        aria-valuetext={text}
        className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full ${share >= 1 ? "bg-red-600" : share >= 0.8 ? "bg-amber-500" : "bg-brand-600"}`}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </div>
    </div>
  );
}

function LineItem({
  line,
  currency,
  onChangeTariff,
  onControl,
  onSpendLimit,
  onAddon,
}: {
  line: Line;
  currency: string;
  onChangeTariff: () => void;
  onControl: () => void;
  onSpendLimit: () => void;
  onAddon: () => void;
}) {
  const t = useTranslations("agent.c360");
  const locale = useLocale();
  const format = useFormatter();
  const Icon = line.kind === "MOBILE" ? Smartphone : Wifi;
  const label = line.msisdn ? formatPhone(line.msisdn) : (line.address ?? t(`kind.${line.kind}`));
  const tariffName = locale === "en" ? line.tariff.nameEn : line.tariff.name;
  return (
    <li className="rounded-xl border border-slate-200 p-3">
      <div className="flex items-start gap-2">
        <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-brand-700" />
        <div className="min-w-0 flex-1">
          <p className={`font-semibold ${line.msisdn ? "tabular-nums" : "break-words"}`}>{label}</p>
          <p className="text-sm text-slate-700">
            {tariffName} · {t("fee", { amount: formatMoney(line.tariff.monthlyFeeCents, currency, locale) })} ·{" "}
            {t(`lineStatus.${line.status}`)}
          </p>
          {line.pendingChange && (
            <p className="mt-1 text-sm font-medium text-amber-800">
              {t(line.pendingChange.status === "PROVISIONING" ? "pendingProvisioning" : "pending", {
                tariff: locale === "en" ? line.pendingChange.toTariff.nameEn : line.pendingChange.toTariff.name,
                date: format.dateTime(line.pendingChange.effectiveAt, { dateStyle: "long" }),
              })}
            </p>
          )}
        </div>
      </div>
      <div className="mt-2 space-y-2">
        {line.kind === "MOBILE" && (
          <>
            <Meter
              id={`${line.id}-min`}
              label={t("minutes")}
              {...line.usage.minutes}
              format={(value) => t("unitMinutes", { value: formatNumber(value, locale) })}
            />
            <Meter
              id={`${line.id}-sms`}
              label={t("sms")}
              {...line.usage.sms}
              format={(value) => t("unitSms", { value: formatNumber(value, locale) })}
            />
          </>
        )}
        <Meter
          id={`${line.id}-data`}
          label={t("data")}
          {...line.usage.dataMb}
          format={(value) => t("unitData", { value: formatGigabytes(value, locale) })}
        />
      </div>
      <NetworkCommands commands={line.pendingCommands} label={label} />
      <div className="mt-3 flex flex-wrap gap-2">
        {line.status === "ACTIVE" && (
          <button
            type="button"
            onClick={onChangeTariff}
            aria-label={`${t("changeTariff")}: ${label}`}
            className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-100"
          >
            {t("changeTariff")}
          </button>
        )}
        {line.kind === "MOBILE" && actionsFor(line.status).length > 0 && (
          <button
            type="button"
            onClick={onControl}
            aria-label={`${t("lineControls")}: ${label}`}
            className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-100"
          >
            {t("lineControls")}
          </button>
        )}
        {line.kind === "MOBILE" && line.status === "ACTIVE" && (
          <button
            type="button"
            onClick={onAddon}
            aria-label={`${t("addon")}: ${label}`}
            className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-100"
          >
            {t("addon")}
          </button>
        )}
        {line.kind === "MOBILE" && (
          <button
            type="button"
            onClick={onSpendLimit}
            aria-label={`${t("spendLimit")}: ${label}`}
            className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-100"
          >
            {line.spendLimitCents === null
              ? t("spendLimit")
              : t("spendLimitOf", { limit: formatMoney(line.spendLimitCents, currency, locale) })}
          </button>
        )}
      </div>
      {line.kind === "MOBILE" && line.status !== "SUSPENDED" && line.status !== "TERMINATED" && (
        <SimReplaceOnBehalf lineId={line.id} label={label} />
      )}
    </li>
  );
}

export function LinesSection({ data, requestId }: { data: Customer360Data; requestId?: string }) {
  const t = useTranslations("agent.c360");
  const format = useFormatter();
  const [changing, setChanging] = useState<Line | null>(null);
  const [controlling, setControlling] = useState<Line | null>(null);
  const [capping, setCapping] = useState<Line | null>(null);
  const [buying, setBuying] = useState<Line | null>(null);
  const cycle = t("usage", {
    from: format.dateTime(data.cycle.start, { dateStyle: "short", timeZone: "UTC" }),
    to: format.dateTime(new Date(data.cycle.end.getTime() - 1), { dateStyle: "short", timeZone: "UTC" }),
  });
  return (
    <section aria-labelledby="c360-lines" className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id="c360-lines" className="text-base font-semibold">
        {t("lines")} <span className="text-sm font-normal text-slate-600">{data.lines.length}</span>
      </h3>
      <p className="text-xs text-slate-600">{cycle}</p>
      {data.lines.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("noLines")}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {data.lines.map((line) => (
            <LineItem
              key={line.id}
              line={line}
              currency={data.customer.currency}
              onChangeTariff={() => setChanging(line)}
              onControl={() => setControlling(line)}
              onSpendLimit={() => setCapping(line)}
              onAddon={() => setBuying(line)}
            />
          ))}
        </ul>
      )}
      {changing && (
        <TariffChangeDialog
          line={{
            id: changing.id,
            kind: changing.kind,
            label: changing.msisdn ? formatPhone(changing.msisdn) : (changing.address ?? t(`kind.${changing.kind}`)),
            tariff: changing.tariff,
          }}
          requestId={requestId}
          onClose={() => setChanging(null)}
        />
      )}
      {controlling && (
        <LineActionsDialog
          line={{
            id: controlling.id,
            status: controlling.status,
            label: controlling.msisdn ? formatPhone(controlling.msisdn) : t(`kind.${controlling.kind}`),
          }}
          onClose={() => setControlling(null)}
        />
      )}
      {buying && (
        <AddonDialog
          line={{ id: buying.id, label: buying.msisdn ? formatPhone(buying.msisdn) : buying.id }}
          onClose={() => setBuying(null)}
        />
      )}
      {capping && (
        <SpendLimitDialog
          line={{
            id: capping.id,
            label: capping.msisdn ? formatPhone(capping.msisdn) : capping.id,
            spendLimitCents: capping.spendLimitCents,
          }}
          onClose={() => setCapping(null)}
        />
      )}
    </section>
  );
}
