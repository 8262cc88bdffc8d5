import type { ReactNode } from "react";
import { RoleLayout } from "@/app/_components/role-layout";
import { ClientMessages } from "@/app/i18n/client-messages";

export default function PartnerLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["partner"]}>
      <RoleLayout area="partner">{children}</RoleLayout>
    </ClientMessages>
  );
}
