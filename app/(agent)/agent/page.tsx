import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getQueryClient, HydrateClient, trpc } from "@/app/_trpc/server";
import { QueueView } from "./_components/queue-view";
import { StuckCommandsCard } from "./_components/stuck-commands-card";
import { nextQueuePage } from "./_lib/queue";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agent.meta");
  return { title: t("queue") };
}

async function PrefetchedQueue() {
  // The first page arrives with the HTML; the client keeps it fresh from there.
  await getQueryClient().prefetchInfiniteQuery(
    trpc.agent.queue.infiniteQueryOptions({}, { getNextPageParam: nextQueuePage }),
  );
  return (
    <HydrateClient>
      <StuckCommandsCard />
      <QueueView />
    </HydrateClient>
  );
}

export default function AgentQueuePage() {
  return (
    <RoleGate area="agent">
      <PrefetchedQueue />
    </RoleGate>
  );
}
