import type { ReactNode } from "react";
import { RoleLayout } from "@/app/_components/role-layout";

export default function AgentLayout({ children }: { children: ReactNode }) {
  return <RoleLayout area="agent">{children}</RoleLayout>;
}
