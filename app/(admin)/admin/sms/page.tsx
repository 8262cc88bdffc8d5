import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { PageHeader } from "../_components/page-header";
import { SmsOutbox } from "./_components/sms-outbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.sms");
  return { title: t("metaTitle") };
}

async function SmsPage() {
  const t = await getTranslations("admin.sms");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <SmsOutbox />
    </div>
  );
}

export default function Page() {
  return (
    <RoleGate area="admin">
      <SmsPage />
    </RoleGate>
  );
}
