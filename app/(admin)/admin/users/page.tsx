import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { PasskeysCard } from "@/app/_components/passkeys-card";
import { SignedInDevices } from "@/app/_components/signed-in-devices";
import { getSession } from "@/app/_trpc/server";
import { Card } from "../_components/card";
import { PageHeader } from "../_components/page-header";
import { CreateUser } from "./_components/create-user";
import { StaffList } from "./_components/staff-list";
import { SubscriberLock } from "./_components/subscriber-lock";
import { ThrottledSignIns } from "./_components/throttled-sign-ins";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("metaTitle") };
}

async function UsersPage() {
  const t = await getTranslations("admin.users");
  const tSessions = await getTranslations("sessions");
  const tPasskeys = await getTranslations("passkeys");
  const session = await getSession();
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <ThrottledSignIns />
      <StaffList selfId={session?.id ?? ""} />
      <CreateUser />
      <SubscriberLock />
      {/* Staff have no profile page: a supervisor's own devices are here, with the accounts. */}
      <Card id="own-devices-title" title={t("yourDevicesTitle")} description={tSessions("hint")}>
        <SignedInDevices />
      </Card>
      <Card id="own-passkeys-title" title={tPasskeys("title")} description={tPasskeys("staffHint")}>
        <PasskeysCard />
      </Card>
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
