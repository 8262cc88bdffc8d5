import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { Profile } from "./_components/profile";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profile");
  return { title: t("metaTitle") };
}

export default function ProfilePage() {
  return (
    <RoleGate area="subscriber">
      <Profile />
    </RoleGate>
  );
}
