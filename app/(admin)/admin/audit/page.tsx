import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { PageHeader } from "../_components/page-header";
import { AuditLog } from "./_components/audit-log";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("metaTitle") };
}

async function AuditPage() {
  const t = await getTranslations("admin.audit");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <AuditLog />
    </div>
  );
}

export default function Page() {
  return (
    <RoleGate area="admin">
      <AuditPage />
    </RoleGate>
  );
}
