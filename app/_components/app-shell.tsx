import type { ReactNode } from "react";
import { PwaShell } from "@/app/_pwa/pwa-shell";
import type { Role } from "@/app/_trpc/types";
import { AppHeader } from "./app-header";
import { BottomTabBar } from "./bottom-tab-bar";
import { SideNav } from "./side-nav";

/** Mobile first: header and a bottom tab bar on phones, a left sidebar from md up. */
export function AppShell({ user, children }: { user: { name: string; role: Role }; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader name={user.name} role={user.role} />
      <div className="mx-auto flex w-full max-w-7xl flex-1">
        <SideNav role={user.role} />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 pt-6 pb-28 outline-none md:px-8 md:pt-8 md:pb-12">
          <PwaShell />
          {children}
        </main>
      </div>
      <BottomTabBar role={user.role} />
    </div>
  );
}
