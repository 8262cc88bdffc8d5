import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { SimPickups } from "./_components/sim-pickups";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("partner.sim");
  return { title: t("metaTitle") };
}

async function Pickups() {
  const t = await getTranslations("partner.sim");
  await getQueryClient().prefetchQuery(trpc.partner.simReplacements.list.queryOptions());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-slate-700">{t("subtitle")}</p>
      </div>
      <HydrateClient>
        <SimPickups />
      </HydrateClient>
    </div>
  );
}

export default function PartnerSimPage() {
  return (
    <RoleGate area="partner">
      <Pickups />
    </RoleGate>
  );
}
