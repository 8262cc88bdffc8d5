import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { canOpen, type Area } from "@/app/_lib/access";
import { getSession } from "@/app/_trpc/server";
import { AppShell } from "./app-shell";
import { Forbidden } from "./forbidden";
import { SignInRedirect } from "./sign-in-redirect";

/**
 * The shell of a route group, shown only to a role that may open it. Next.js renders a page
 * alongside its layout and keeps the layout on client navigation, so each page also wraps its
 * content in `RoleGate`; the procedures check the role again on every call.
 */
export async function RoleLayout({ area, children }: { area: Area; children: ReactNode }) {
  const session = await getSession();
  if (!session) return <SignInRedirect />;
  // Staff signed in with the password alone set up the second factor before anything else.
  if (session.secondFactorPending) redirect("/second-factor");
  return (
    <AppShell user={{ name: session.name, role: session.role }}>
      {canOpen(area, session.role) ? children : <Forbidden role={session.role} />}
    </AppShell>
  );
}
