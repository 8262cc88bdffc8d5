import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { PageHeader } from "../_components/page-header";
import { ApprovalList } from "./_components/approval-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.approvals");
  return { title: t("metaTitle") };
}

async function ApprovalsPage() {
  const t = await getTranslations("admin.approvals");
  await getQueryClient().prefetchInfiniteQuery(
    trpc.admin.approvals.list.infiniteQueryOptions(
      { view: "PENDING" },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <HydrateClient>
        <ApprovalList />
      </HydrateClient>
    </div>
  );
}

export default function Page() {
  return (
    <RoleGate area="admin">
      <ApprovalsPage />
    </RoleGate>
  );
}
