import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { AddonCatalogue } from "./_components/addon-catalogue";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.addons");
  return { title: t("metaTitle") };
}

async function AddonsPage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.admin.addons.list.queryOptions()),
    queryClient.prefetchQuery(trpc.admin.tariffs.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <AddonCatalogue />
    </HydrateClient>
  );
}

export default function Page() {
  return (
    <RoleGate area="admin">
      <AddonsPage />
    </RoleGate>
  );
}
