import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getQueryClient, getServerCaller, HydrateClient, trpc } from "@/app/_trpc/server";
import { AddonsView } from "./_components/addons-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("addons");
  return { title: t("metaTitle") };
}

async function Addons({ requestedLineId }: { requestedLineId: string | undefined }) {
  const t = await getTranslations("addons");
  const summary = await (await getServerCaller()).account.summary();
  const lines = summary.lines
    .filter((line) => line.kind === "MOBILE")
    .map((line) => ({ id: line.id, msisdn: line.msisdn, tariff: line.tariff }));
  const initialLineId = lines.find((line) => line.id === requestedLineId)?.id ?? lines[0]?.id ?? null;
  if (initialLineId) {
    const queryClient = getQueryClient();
    await Promise.all([
      queryClient.prefetchQuery(trpc.addon.list.queryOptions({ lineId: initialLineId })),
      queryClient.prefetchQuery(trpc.addon.mine.queryOptions({ lineId: initialLineId })),
      queryClient.prefetchQuery(trpc.addon.countries.queryOptions()),
    ]);
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-slate-700">{t("subtitle")}</p>
      </div>
      <HydrateClient>
        <AddonsView lines={lines} initialLineId={initialLineId} />
      </HydrateClient>
    </div>
  );
}

export default async function AddonsPage({ searchParams }: { searchParams: Promise<{ line?: string }> }) {
  const { line } = await searchParams;
  return (
    <RoleGate area="subscriber">
      <Addons requestedLineId={line} />
    </RoleGate>
  );
}
