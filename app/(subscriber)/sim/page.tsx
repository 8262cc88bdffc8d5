import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getQueryClient, getServerCaller, HydrateClient, trpc } from "@/app/_trpc/server";
import { SimView } from "./_components/sim-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sim");
  return { title: t("metaTitle") };
}

async function Sim({ requestedLineId }: { requestedLineId: string | undefined }) {
  const t = await getTranslations("sim");
  const summary = await (await getServerCaller()).account.summary();
  const lines = summary.lines
    .filter((line) => line.kind === "MOBILE")
    .map((line) => ({ id: line.id, msisdn: line.msisdn }));
  const initialLineId = lines.find((line) => line.id === requestedLineId)?.id ?? lines[0]?.id ?? null;
  if (initialLineId) {
    await getQueryClient().prefetchQuery(trpc.sim.status.queryOptions({ lineId: initialLineId }));
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-slate-700">{t("subtitle")}</p>
      </div>
      {initialLineId ? (
        <HydrateClient>
          <SimView lines={lines} initialLineId={initialLineId} />
        </HydrateClient>
      ) : (
        <p className="rounded-xl bg-white p-4 text-slate-700 shadow-sm">{t("noLines")}</p>
      )}
    </div>
  );
}

export default async function SimPage({ searchParams }: { searchParams: Promise<{ lineId?: string }> }) {
  const { lineId } = await searchParams;
  return (
    <RoleGate area="subscriber">
      <Sim requestedLineId={lineId} />
    </RoleGate>
  );
}
