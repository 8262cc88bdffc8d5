import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { canOpen, type Area } from "@/app/_lib/access";
import { getSession } from "@/app/_trpc/server";
import { Forbidden } from "./forbidden";
import { SignInRedirect } from "./sign-in-redirect";

/**
 * Wraps a page's content so its data is fetched only for a role that may see it.
 * `<RoleGate area="subscriber"><Bills /></RoleGate>`: the children render only when allowed.
 */
export async function RoleGate({ area, children }: { area: Area; children: ReactNode }) {
  const session = await getSession();
  if (!session) return <SignInRedirect />;
  if (session.secondFactorPending) redirect("/second-factor");
  if (!canOpen(area, session.role)) return <Forbidden role={session.role} />;
  return children;
}
