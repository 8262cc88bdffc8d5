import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { getQueryClient, getSession, HydrateClient, trpc } from "@/app/_trpc/server";
import { RequestWorkspace } from "../../_components/request-workspace";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("agent.meta");
  const { id } = await params;
  try {
    // The page fetches the same query; the per-request query client answers both from one call.
    const request = await getQueryClient().fetchQuery(trpc.agent.request.queryOptions({ requestId: id }));
    return { title: t("request", { number: request.number }) };
  } catch {
    return { title: t("queue") };
  }
}

async function Workspace({ requestId }: { requestId: string }) {
  const queryClient = getQueryClient();
  try {
    // The request and the customer's 360 view arrive with the page; both stay fresh on the client.
    const request = await queryClient.fetchQuery(trpc.agent.request.queryOptions({ requestId }));
    await queryClient.prefetchQuery(trpc.agent.customer360.queryOptions({ customerId: request.customer.id }));
  } catch (error) {
    const { code } = readTRPCError(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
  const session = await getSession();
  return (
    <HydrateClient>
      <RequestWorkspace requestId={requestId} meId={session?.id ?? null} />
    </HydrateClient>
  );
}

export default async function AgentRequestPage({ params }: Props) {
  const { id } = await params;
  return (
    <RoleGate area="agent">
      <Workspace requestId={id} />
    </RoleGate>
  );
}
