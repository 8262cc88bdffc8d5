import type { ReactNode } from "react";
import { RoleLayout } from "@/app/_components/role-layout";

export default function SubscriberLayout({ children }: { children: ReactNode }) {
  return <RoleLayout area="subscriber">{children}</RoleLayout>;
}
