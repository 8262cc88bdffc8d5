import { FileText } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { formatDate, formatPhone } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import { getServerCaller } from "@/app/_trpc/server";
import type { RouterOutputs } from "@/app/_trpc/types";
import { Pager, SearchableList, StatusBadge } from "../_components/list-controls";
import { DataTable } from "../_components/data-table";
import { ReissueCodeButton } from "./_components/reissue-code-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("partner.orders");
  return { title: t("metaTitle") };
}

type Order = RouterOutputs["partner"]["orders"]["items"][number];
type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function OrderActions({ order }: { order: Order }) {
  const t = await getTranslations("partner.orders");
  return (
    <div className="flex flex-wrap items-start gap-2">
      <a
        href={order.contractUrl}
        target="_blank"
        rel="noopener"
        className="inline-flex min-h-11 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-100"
      >
        <FileText aria-hidden="true" className="size-4" />
        {t("contract")}
        <span className="sr-only">{order.customer ? `— ${order.customer.name}` : ""}</span>
      </a>
      {!order.isActivated && order.customer && <ReissueCodeButton orderId={order.id} />}
    </div>
  );
}

async function ActivationBadge({ order }: { order: Order }) {
  const tStatus = await getTranslations("partner.status");
  if (order.isActivated) return <StatusBadge tone="good">{tStatus("ACTIVATED")}</StatusBadge>;
  const isExpired = !order.activationExpiresAt || new Date(order.activationExpiresAt) <= new Date();
  return (
    <StatusBadge tone={isExpired ? "muted" : "wait"}>
      {tStatus(isExpired ? "CODE_EXPIRED" : "NOT_ACTIVATED")}
    </StatusBadge>
  );
}

async function OrderList({ search, cursor }: { search?: string; cursor?: string }) {
  const t = await getTranslations("partner.orders");
  const tStatus = await getTranslations("partner.status");
  const locale = await getLocale();
  const page = await (await getServerCaller()).partner.orders({ search, cursor, limit: 25 });
  const date = (value: Date) =>
    formatDate(value, locale, { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Moscow" });
  const tariffName = (order: Order) => (locale === "en" ? order.tariff.nameEn : order.tariff.name);

  return (
    <div className="space-y-6">
      <SearchableList
        title={t("title")}
        subtitle={t("subtitle")}
        search={{
          action: "/partner/orders",
          label: t("search"),
          hint: t("searchHint"),
          submit: t("find"),
          value: search,
        }}
        isEmpty={page.items.length === 0}
        emptyText={search ? t("nothingFound", { search }) : t("empty")}
      >
        <ul className="space-y-3 lg:hidden">
          {page.items.map((order) => (
            <li key={order.id} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-semibold">{order.customer?.name ?? "—"}</p>
                <p className="text-sm text-slate-600">{date(order.createdAt)}</p>
              </div>
              <p className="text-sm text-slate-600 tabular-nums">
                {order.customer ? t("account", { number: order.customer.accountNumber }) : ""}
              </p>
              <p className="mt-2 tabular-nums">
                {order.msisdn ? formatPhone(order.msisdn) : t("homeInternet")} · {tariffName(order)}
              </p>
              <p className="text-sm text-slate-700">
                {t("depositValue", { amount: formatMoney(order.depositCents, order.tariff.currency, locale) })}
              </p>
              <p className="mt-2 flex flex-wrap gap-1">
                {order.status !== "COMPLETED" && <StatusBadge tone="muted">{tStatus(order.status)}</StatusBadge>}
                <ActivationBadge order={order} />
              </p>
              <div className="mt-3">
                <OrderActions order={order} />
              </div>
            </li>
          ))}
        </ul>
        <DataTable
          caption={t("title")}
          columns={[
            t("columns.date"),
            t("columns.customer"),
            t("columns.numberTariff"),
            t("columns.deposit"),
            t("columns.status"),
            t("columns.actions"),
          ]}
          visibleFrom="lg"
        >
          {page.items.map((order) => (
            <tr key={order.id} className="align-top">
              <td className="px-4 py-3 whitespace-nowrap">
                {date(order.createdAt)}
                <span className="block text-xs text-slate-600">{order.dealerName}</span>
              </td>
              <th scope="row" className="px-4 py-3 font-medium">
                {order.customer?.name ?? "—"}
                {order.customer && (
                  <span className="block text-xs font-normal text-slate-600 tabular-nums">
                    {t("account", { number: order.customer.accountNumber })}
                  </span>
                )}
              </th>
              <td className="px-4 py-3">
                <span className="whitespace-nowrap tabular-nums">
                  {order.msisdn ? formatPhone(order.msisdn) : t("homeInternet")}
                </span>
                <span className="block text-xs text-slate-600">{tariffName(order)}</span>
              </td>
              <td className="px-4 py-3 whitespace-nowrap tabular-nums">
                {formatMoney(order.depositCents, order.tariff.currency, locale)}
              </td>
              <td className="px-4 py-3">
                <span className="flex flex-col items-start gap-1">
                  {order.status !== "COMPLETED" && <StatusBadge tone="muted">{tStatus(order.status)}</StatusBadge>}
                  <ActivationBadge order={order} />
                </span>
              </td>
              <td className="px-4 py-3">
                <OrderActions order={order} />
              </td>
            </tr>
          ))}
        </DataTable>
      </SearchableList>
      <Pager
        basePath="/partner/orders"
        search={search}
        nextCursor={page.nextCursor}
        isFirst={!cursor}
        nextLabel={t("next")}
        firstLabel={t("first")}
      />
    </div>
  );
}

export default async function PartnerOrdersPage({ searchParams }: PageProps) {
  const { q, cursor } = await searchParams;
  return (
    <RoleGate area="partner">
      <OrderList
        search={typeof q === "string" && q.trim() ? q.trim().slice(0, 100) : undefined}
        cursor={typeof cursor === "string" ? cursor : undefined}
      />
    </RoleGate>
  );
}
