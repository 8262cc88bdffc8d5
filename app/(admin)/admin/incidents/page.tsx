import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { IncidentBoard } from "./_components/incident-board";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.incidents");
  return { title: t("metaTitle") };
}

async function IncidentsPage() {
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.admin.incidents.list.queryOptions());
  return (
    <HydrateClient>
      <IncidentBoard />
    </HydrateClient>
  );
}

export default function Page() {
  return (
    <RoleGate area="admin">
      <IncidentsPage />
    </RoleGate>
  );
}
