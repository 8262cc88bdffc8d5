import type { ReactNode } from "react";
import { RoleLayout } from "@/app/_components/role-layout";
import { ClientMessages } from "@/app/i18n/client-messages";

export default function AgentLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["agent", "addons"]}>
      <RoleLayout area="agent">{children}</RoleLayout>
    </ClientMessages>
  );
}
