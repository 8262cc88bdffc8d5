import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { NewArticle } from "../_components/new-article";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.knowledge.editor");
  return { title: t("newTitle") };
}

export default async function Page({ searchParams }: { searchParams: Promise<{ fromRequest?: string }> }) {
  const { fromRequest } = await searchParams;
  const number = fromRequest && /^\d{1,10}$/.test(fromRequest) ? Number(fromRequest) : null;
  return (
    <RoleGate area="admin">
      <NewArticle fromRequest={number} />
    </RoleGate>
  );
}
