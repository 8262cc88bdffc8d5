import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { PageHeader } from "../_components/page-header";
import { lastDays, rangeFromParams } from "./_components/range";
import { ReportView } from "./_components/report-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.reports");
  return { title: t("metaTitle") };
}

type SearchParams = Promise<{ from?: string; to?: string }>;

async function ReportsPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations("admin.reports");
  const params = await searchParams;
  // The same range the page starts with, fetched here so the figures arrive with the page.
  const range = rangeFromParams(params.from ?? null, params.to ?? null) ?? lastDays(183);
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.admin.reports.overview.queryOptions(range)),
    queryClient.prefetchQuery(trpc.admin.reports.timeline.queryOptions(range)),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <HydrateClient>
        <ReportView />
      </HydrateClient>
    </div>
  );
}

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return (
    <RoleGate area="admin">
      <ReportsPage searchParams={searchParams} />
    </RoleGate>
  );
}
