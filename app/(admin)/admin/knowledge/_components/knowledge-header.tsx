import { Plus } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PRIMARY_BUTTON } from "../../_components/buttons";
import { PageHeader } from "../../_components/page-header";

export async function KnowledgeHeader() {
  const t = await getTranslations("admin.knowledge");
  return (
    <PageHeader
      title={t("title")}
      description={t("description")}
      actions={
        <Link href="/admin/knowledge/new" className={PRIMARY_BUTTON}>
          <Plus aria-hidden="true" className="size-4" />
          {t("new")}
        </Link>
      }
    />
  );
}
