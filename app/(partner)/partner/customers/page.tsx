import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { formatDate, formatPhone } from "@/app/_lib/format";
import { getServerCaller } from "@/app/_trpc/server";
import { DataTable } from "../_components/data-table";
import { Pager, SearchableList, StatusBadge } from "../_components/list-controls";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("partner.customers");
  return { title: t("metaTitle") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function CustomerList({ search, cursor }: { search?: string; cursor?: string }) {
  const t = await getTranslations("partner.customers");
  const tStatus = await getTranslations("partner.status");
  const locale = await getLocale();
  const page = await (await getServerCaller()).partner.customers({ search, cursor, limit: 25 });

  return (
    <div className="space-y-6">
      <SearchableList
        title={t("title")}
        subtitle={t("subtitle")}
        search={{
          action: "/partner/customers",
          label: t("search"),
          hint: t("searchHint"),
          submit: t("find"),
          value: search,
        }}
        isEmpty={page.items.length === 0}
        emptyText={search ? t("nothingFound", { search }) : t("empty")}
      >
        <ul className="space-y-3 sm:hidden">
          {page.items.map((customer) => (
            <li key={customer.id} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
              <p className="font-semibold">{customer.name}</p>
              <p className="text-sm text-slate-600 tabular-nums">{t("account", { number: customer.accountNumber })}</p>
              <p className="mt-2 tabular-nums">{customer.msisdn ? formatPhone(customer.msisdn) : t("homeInternet")}</p>
              <p className="text-sm text-slate-700">
                {customer.tariff ? (locale === "en" ? customer.tariff.nameEn : customer.tariff.name) : "—"} ·{" "}
                {formatDate(customer.createdAt, locale, { dateStyle: "medium", timeZone: "Europe/Moscow" })}
              </p>
              <p className="mt-2 flex flex-wrap gap-1">
                <StatusBadge tone={customer.status === "ACTIVE" ? "good" : "muted"}>
                  {tStatus(customer.status)}
                </StatusBadge>
                {!customer.isActivated && <StatusBadge tone="wait">{tStatus("NOT_ACTIVATED")}</StatusBadge>}
              </p>
            </li>
          ))}
        </ul>
        <DataTable
          caption={t("title")}
          columns={[
            t("columns.name"),
            t("columns.number"),
            t("columns.tariff"),
            t("columns.status"),
            t("columns.date"),
          ]}
          visibleFrom="sm"
          minWidth
        >
          {page.items.map((customer) => (
            <tr key={customer.id}>
              <th scope="row" className="px-4 py-3 font-medium">
                {customer.name}
                <span className="block text-xs font-normal text-slate-600 tabular-nums">
                  {t("account", { number: customer.accountNumber })}
                </span>
              </th>
              <td className="px-4 py-3 whitespace-nowrap tabular-nums">
                {customer.msisdn ? formatPhone(customer.msisdn) : t("homeInternet")}
                {customer.lineCount > 1 && (
                  <span className="block text-xs text-slate-600">
                    {t("moreLines", { count: customer.lineCount - 1 })}
                  </span>
                )}
              </td>
              <td className="px-4 py-3">
                {customer.tariff ? (locale === "en" ? customer.tariff.nameEn : customer.tariff.name) : "—"}
              </td>
              <td className="px-4 py-3">
                <span className="flex flex-wrap gap-1">
                  <StatusBadge tone={customer.status === "ACTIVE" ? "good" : "muted"}>
                    {tStatus(customer.status)}
                  </StatusBadge>
                  {!customer.isActivated && <StatusBadge tone="wait">{tStatus("NOT_ACTIVATED")}</StatusBadge>}
                </span>
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                {formatDate(customer.createdAt, locale, { dateStyle: "medium", timeZone: "Europe/Moscow" })}
              </td>
            </tr>
          ))}
        </DataTable>
      </SearchableList>
      <Pager
        basePath="/partner/customers"
        search={search}
        nextCursor={page.nextCursor}
        isFirst={!cursor}
        nextLabel={t("next")}
        firstLabel={t("first")}
      />
    </div>
  );
}

export default async function PartnerCustomersPage({ searchParams }: PageProps) {
  const { q, cursor } = await searchParams;
  return (
    <RoleGate area="partner">
      <CustomerList
        search={typeof q === "string" && q.trim() ? q.trim().slice(0, 100) : undefined}
        cursor={typeof cursor === "string" ? cursor : undefined}
      />
    </RoleGate>
  );
}
