import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { Dashboard } from "./_components/dashboard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("metaTitle") };
}

export default function DashboardPage() {
  return (
    <RoleGate area="subscriber">
      <Dashboard />
    </RoleGate>
  );
}
