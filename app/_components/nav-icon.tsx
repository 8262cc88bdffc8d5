import {
  BookOpen,
  ClipboardList,
  CreditCard,
  FileText,
  Headset,
  House,
  LayoutDashboard,
  MessageSquare,
  ReceiptText,
  Route,
  ScrollText,
  Signal,
  Stamp,
  Tags,
  User,
  UserCog,
  UserPlus,
  Users,
  type LucideIcon,
} from "lucide-react";
import type { NavKey } from "@/app/_lib/navigation";

const ICONS: Record<NavKey, LucideIcon> = {
  dashboard: House,
  bills: FileText,
  tariffs: Signal,
  requests: MessageSquare,
  profile: User,
  agentQueue: Headset,
  agentCustomers: Users,
  partnerHome: House,
  partnerRegister: UserPlus,
  partnerCustomers: Users,
  partnerOrders: ReceiptText,
  adminOverview: LayoutDashboard,
  adminRouting: Route,
  adminCredit: CreditCard,
  adminTariffs: Tags,
  adminKnowledge: BookOpen,
  adminReports: ClipboardList,
  adminAudit: ScrollText,
  adminApprovals: Stamp,
  adminUsers: UserCog,
};

export function NavIcon({ navKey, className }: { navKey: NavKey; className?: string }) {
  const Icon = ICONS[navKey];
  return <Icon aria-hidden="true" className={className ?? "size-5"} strokeWidth={2} />;
}
