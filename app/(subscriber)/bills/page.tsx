import { ReceiptText } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getServerCaller } from "@/app/_trpc/server";
import { AutopayCard } from "./_components/autopay-card";
import { BillRow } from "./_components/bill-row";
import { MoreBills } from "./_components/more-bills";
import { BILL_PAGE_SIZE } from "./_lib/page-size";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bills");
  return { title: t("metaTitle") };
}

async function Bills() {
  const t = await getTranslations("bills");
  const api = await getServerCaller();
  const [page, autopay] = await Promise.all([api.bill.list({ limit: BILL_PAGE_SIZE }), api.autopay.get()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-slate-700">{t("subtitle")}</p>
      </div>
      {page.items.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-slate-300 bg-white p-8 text-center">
          <ReceiptText aria-hidden="true" className="mx-auto size-10 text-slate-400" />
          <p className="mt-3 font-medium">{t("empty")}</p>
          <p className="mt-1 text-sm text-slate-600">{t("emptyHint")}</p>
        </div>
      ) : (
        <div className="space-y-3">
          <ul className="space-y-3" aria-label={t("title")}>
            {page.items.map((bill) => (
              <li key={bill.id}>
                <BillRow bill={bill} />
              </li>
            ))}
          </ul>
          {page.nextCursor && <MoreBills cursor={page.nextCursor} />}
        </div>
      )}
      <AutopayCard initial={autopay} />
    </div>
  );
}

export default function BillsPage() {
  return (
    <RoleGate area="subscriber">
      <Bills />
    </RoleGate>
  );
}
