import type { Metadata } from "next";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { getQueryClient, getSession, HydrateClient, trpc } from "@/app/_trpc/server";
import { Customer360 } from "../../_components/customer-360";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agent.meta");
  return { title: t("customer") };
}

async function CustomerView({ customerId }: { customerId: string }) {
  try {
    await getQueryClient().fetchQuery(trpc.agent.customer360.queryOptions({ customerId }));
  } catch (error) {
    const { code } = readTRPCError(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
  const session = await getSession();
  const t = await getTranslations("agent.search");
  return (
    <div className="space-y-4">
      <Link
        href="/agent/customers"
        className="inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("title")}
      </Link>
      <HydrateClient>
        <Customer360 customerId={customerId} meId={session?.id ?? null} />
      </HydrateClient>
    </div>
  );
}

export default async function AgentCustomerPage({ params }: Props) {
  const { id } = await params;
  return (
    <RoleGate area="agent">
      <CustomerView customerId={id} />
    </RoleGate>
  );
}
