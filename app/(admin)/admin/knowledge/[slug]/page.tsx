import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { ArticleEditor } from "../_components/article-editor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.knowledge.editor");
  return { title: t("metaTitle") };
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <RoleGate area="admin">
      <ArticleEditor slug={decodeURIComponent(slug)} />
    </RoleGate>
  );
}
