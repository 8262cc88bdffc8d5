import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { ArticleList } from "./_components/article-list";
import { Effectiveness } from "./_components/effectiveness";
import { FromRequest } from "./_components/from-request";
import { KnowledgeHeader } from "./_components/knowledge-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.knowledge");
  return { title: t("metaTitle") };
}

async function KnowledgePage() {
  const queryClient = getQueryClient();
  await queryClient.prefetchInfiniteQuery(
    trpc.admin.knowledge.list.infiniteQueryOptions(
      { limit: 30 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  return (
    <div className="space-y-6">
      <KnowledgeHeader />
      <HydrateClient>
        <ArticleList />
        <Effectiveness />
        <FromRequest />
      </HydrateClient>
    </div>
  );
}

export default function Page() {
  return (
    <RoleGate area="admin">
      <KnowledgePage />
    </RoleGate>
  );
}
