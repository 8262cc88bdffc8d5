import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getQueryClient, getServerCaller, HydrateClient, trpc } from "@/app/_trpc/server";
import { TariffsView } from "./_components/tariffs-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tariffs");
  return { title: t("metaTitle") };
}

async function Tariffs({ requestedLineId }: { requestedLineId: string | undefined }) {
  const t = await getTranslations("tariffs");
  const summary = await (await getServerCaller()).account.summary();
  const lines = summary.lines.map((line) => ({
    id: line.id,
    kind: line.kind,
    msisdn: line.msisdn,
    address: line.address,
    tariff: line.tariff,
  }));
  const initialLineId = lines.find((line) => line.id === requestedLineId)?.id ?? lines[0]?.id ?? null;
  if (initialLineId) {
    const queryClient = getQueryClient();
    await Promise.all([
      queryClient.prefetchQuery(trpc.tariff.list.queryOptions({ lineId: initialLineId })),
      queryClient.prefetchQuery(trpc.tariff.changes.queryOptions({ lineId: initialLineId })),
    ]);
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-slate-700">{t("subtitle")}</p>
      </div>
      <HydrateClient>
        <TariffsView lines={lines} initialLineId={initialLineId} currency={summary.currency} />
      </HydrateClient>
    </div>
  );
}

export default async function TariffsPage({ searchParams }: { searchParams: Promise<{ line?: string }> }) {
  const { line } = await searchParams;
  return (
    <RoleGate area="subscriber">
      <Tariffs requestedLineId={line} />
    </RoleGate>
  );
}
