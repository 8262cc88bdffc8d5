import type { ReactNode } from "react";
import { RoleLayout } from "@/app/_components/role-layout";

export default function PartnerLayout({ children }: { children: ReactNode }) {
  return <RoleLayout area="partner">{children}</RoleLayout>;
}
