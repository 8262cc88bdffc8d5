import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { AdminHome } from "./_home/admin-home";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.home");
  return { title: t("metaTitle") };
}

export default function AdminHomePage() {
  return (
    <RoleGate area="admin">
      <AdminHome />
    </RoleGate>
  );
}
