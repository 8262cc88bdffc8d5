import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { RequestList } from "./_components/request-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests");
  return { title: t("metaTitle") };
}

export default function RequestsPage() {
  return (
    <RoleGate area="subscriber">
      <RequestList />
    </RoleGate>
  );
}
