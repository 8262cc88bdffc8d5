import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { PartnerHome } from "./_components/partner-home";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("partner.home");
  return { title: t("metaTitle") };
}

export default function PartnerHomePage() {
  return (
    <RoleGate area="partner">
      <PartnerHome />
    </RoleGate>
  );
}
