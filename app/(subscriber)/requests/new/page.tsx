import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { NewRequestForm } from "../_components/new-request-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests");
  return { title: t("metaNew") };
}

export default function NewRequestPage() {
  return (
    <RoleGate area="subscriber">
      <NewRequestForm />
    </RoleGate>
  );
}
