import { getSession } from "@/app/_trpc/server";
import { PwaClientShell } from "./pwa-client-shell";

/** Mounted by the app shell above every signed-in page. */
export async function PwaShell() {
  const session = await getSession();
  if (!session) return null;
  return <PwaClientShell userId={session.id} isSubscriber={session.role === "SUBSCRIBER"} renderedAt={Date.now()} />;
}
