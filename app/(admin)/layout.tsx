import type { ReactNode } from "react";
import { RoleLayout } from "@/app/_components/role-layout";

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <RoleLayout area="admin">{children}</RoleLayout>;
}
