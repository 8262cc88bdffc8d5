import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { RoleHome } from "@/app/_components/role-home";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("partnerTitle") };
}

export default function PartnerHomePage() {
  return (
    <RoleGate area="partner">
      <RoleHome titleKey="partnerTitle" href="/partner" />
    </RoleGate>
  );
}
