import type { ReactNode } from "react";
import { RoleLayout } from "@/app/_components/role-layout";
import { ClientMessages } from "@/app/i18n/client-messages";

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["admin", "sessions", "passkeys"]}>
      <RoleLayout area="admin">{children}</RoleLayout>
    </ClientMessages>
  );
}
