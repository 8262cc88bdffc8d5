import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { TariffCatalogue } from "./_components/tariff-catalogue";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.tariffs");
  return { title: t("metaTitle") };
}

async function TariffsPage() {
  await getQueryClient().prefetchQuery(trpc.admin.tariffs.list.queryOptions());
  return (
    <HydrateClient>
      <TariffCatalogue />
    </HydrateClient>
  );
}

export default function Page() {
  return (
    <RoleGate area="admin">
      <TariffsPage />
    </RoleGate>
  );
}
