import type { ReactNode } from "react";
import { RoleLayout } from "@/app/_components/role-layout";
import { ClientMessages } from "@/app/i18n/client-messages";

export default function SubscriberLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "dashboard",
        "bills",
        "requests",
        "tariffs",
        "addons",
        "profile",
        "sessions",
        "passkeys",
        "sim",
        "incidents",
      ]}
    >
      <RoleLayout area="subscriber">{children}</RoleLayout>
    </ClientMessages>
  );
}
