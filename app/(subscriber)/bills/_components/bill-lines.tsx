import { Smartphone, Wallet, Wifi } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { formatPhone } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import type { RouterOutputs } from "@/app/_trpc/types";

type Bill = RouterOutputs["bill"]["byId"];

/** The bill's lines grouped by service line (account charges last), then by kind, then tax and totals. */
export function BillLines({ bill }: { bill: Bill }) {
  const t = useTranslations("bills");
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, bill.currency, locale);
  return (
    <section aria-labelledby="bill-lines-title" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="bill-lines-title" className="text-lg font-semibold">
        {t("detail.linesTitle")}
      </h2>
      <div className="mt-3 divide-y divide-slate-100">
        {bill.groups.map((group) => {
          const Icon = group.lineId === null ? Wallet : group.serviceKind === "HOME_INTERNET" ? Wifi : Smartphone;
          const title = group.msisdn
            ? formatPhone(group.msisdn)
            : group.lineId === null
              ? t("detail.accountCharges")
              : `${t("detail.homeInternet")}${group.address ? `, ${group.address}` : ""}`;
          return (
            <div key={group.lineId ?? "account"} className="py-3 first:pt-0">
              <h3 className="flex items-start justify-between gap-3 font-semibold">
                <span className="flex min-w-0 items-center gap-2">
                  <Icon aria-hidden="true" className="size-4 shrink-0 text-brand-700" />
                  <span className={group.msisdn ? "whitespace-nowrap tabular-nums" : "break-words"}>{title}</span>
                </span>
                <span className="shrink-0 tabular-nums">{money(group.totalCents)}</span>
              </h3>
              <dl className="mt-2 space-y-2">
                {group.kinds.map((kind) => (
                  <div key={kind.kind}>
                    <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
                      {t(`kinds.${kind.kind}`)}
                    </dt>
                    {kind.items.map((item) => (
                      <dd key={item.id} className="mt-0.5 flex items-baseline justify-between gap-3 text-sm">
                        <span className="min-w-0 break-words text-slate-800">{item.description}</span>
                        <span
                          className={`shrink-0 tabular-nums ${item.amountCents < 0 ? "text-emerald-700" : "text-slate-900"}`}
                        >
                          {money(item.amountCents)}
                        </span>
                      </dd>
                    ))}
                  </div>
                ))}
              </dl>
            </div>
          );
        })}
      </div>
      <dl className="mt-3 space-y-1 border-t border-slate-200 pt-3 text-sm">
        <div className="flex justify-between gap-3">
          <dt className="text-slate-700">{t("detail.subtotal")}</dt>
          <dd className="tabular-nums">{money(bill.subtotalCents)}</dd>
        </div>
        <div className="flex justify-between gap-3">
          <dt className="text-slate-700">
            {bill.lines.find((line) => line.kind === "TAX")?.description ?? t("detail.tax")}
          </dt>
          <dd className="tabular-nums">{money(bill.taxCents)}</dd>
        </div>
        <div className="flex justify-between gap-3 text-base font-bold">
          <dt>{t("detail.total")}</dt>
          <dd className="tabular-nums">{money(bill.totalCents)}</dd>
        </div>
      </dl>
    </section>
  );
}
