import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { PageHeader } from "../_components/page-header";
import { PolicyEditor } from "./_components/policy-editor";
import { PolicyHistory } from "./_components/policy-history";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.routing");
  return { title: t("metaTitle") };
}

async function RoutingPage() {
  const t = await getTranslations("admin.routing");
  await getQueryClient().prefetchQuery(trpc.admin.policy.get.queryOptions());
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <HydrateClient>
        <PolicyEditor />
        <PolicyHistory />
      </HydrateClient>
    </div>
  );
}

export default function Page() {
  return (
    <RoleGate area="admin">
      <RoutingPage />
    </RoleGate>
  );
}
