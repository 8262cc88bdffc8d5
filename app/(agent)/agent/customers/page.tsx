import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { CustomerSearch } from "../_components/customer-search";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agent.meta");
  return { title: t("customers") };
}

export default async function AgentCustomersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const { q } = await searchParams;
  return (
    <RoleGate area="agent">
      <CustomerSearch initialQuery={typeof q === "string" ? q.slice(0, 100) : ""} />
    </RoleGate>
  );
}
