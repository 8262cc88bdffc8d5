"use client";

import {
  BookOpen,
  ClipboardList,
  CreditCard,
  FileText,
  Headset,
  House,
  LoaderCircle,
  LayoutDashboard,
  Luggage,
  MessageSquare,
  MessageSquareText,
  PackagePlus,
  RadioTower,
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
import { useLinkStatus } from "next/link";
import type { NavKey } from "@/app/_lib/navigation";

const ICONS: Record<NavKey, LucideIcon> = {
  dashboard: House,
  bills: FileText,
  tariffs: Signal,
  addons: Luggage,
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
  adminAddons: PackagePlus,
  adminIncidents: RadioTower,
  adminKnowledge: BookOpen,
  adminReports: ClipboardList,
  adminAudit: ScrollText,
  adminApprovals: Stamp,
  adminUsers: UserCog,
  adminSms: MessageSquareText,
};

/**
 * A section's icon; inside a link whose page is on its way, a spinner instead. The subscriber
 * pages have no loading boundary (their content comes with the first paint, and an offline
 * navigation lands on the cached page), so this is what shows that a tap was taken. It fades in
 * after a moment, so a quick navigation does not flicker.
 */
export function NavIcon({ navKey, className = "size-5" }: { navKey: NavKey; className?: string }) {
  const { pending } = useLinkStatus();
  if (pending) {
    return (
      <LoaderCircle
        aria-hidden="true"
        data-testid="nav-pending"
        className={`${className} animate-spin text-brand-700 transition-opacity delay-150 duration-150 starting:opacity-0 motion-reduce:animate-none`}
        strokeWidth={2}
      />
    );
  }
  const Icon = ICONS[navKey];
  return <Icon aria-hidden="true" className={className} strokeWidth={2} />;
}
