import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getSession } from "@/app/_trpc/server";
import { PageHeader } from "../_components/page-header";
import { CreateUser } from "./_components/create-user";
import { StaffList } from "./_components/staff-list";
import { ThrottledSignIns } from "./_components/throttled-sign-ins";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("metaTitle") };
}

async function UsersPage() {
  const t = await getTranslations("admin.users");
  const session = await getSession();
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <ThrottledSignIns />
      <StaffList selfId={session?.id ?? ""} />
      <CreateUser />
    </div>
  );
}

export default function Page() {
  return (
    <RoleGate area="admin">
      <UsersPage />
    </RoleGate>
  );
}
