import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { PageHeader } from "../_components/page-header";
import { CreditPolicyEditor } from "./_components/credit-policy-editor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.credit");
  return { title: t("metaTitle") };
}

async function CreditPage() {
  const t = await getTranslations("admin.credit");
  await getQueryClient().prefetchQuery(trpc.admin.creditPolicy.queryOptions());
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <HydrateClient>
        <CreditPolicyEditor />
      </HydrateClient>
    </div>
  );
}

export default function Page() {
  return (
    <RoleGate area="admin">
      <CreditPage />
    </RoleGate>
  );
}
