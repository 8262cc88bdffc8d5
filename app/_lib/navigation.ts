import type { Role } from "@/app/_trpc/types";
import type nav from "@/messages/en/nav.json";

export type NavKey = keyof (typeof nav)["items"];

export type NavItem = {
  key: NavKey;
  href: string;
  /** Matches only this path, not the pages under it (a section's home). */
  isExact?: boolean;
};

const SUBSCRIBER_NAV: NavItem[] = [
  { key: "dashboard", href: "/dashboard" },
  { key: "bills", href: "/bills" },
  { key: "tariffs", href: "/tariffs" },
  { key: "addons", href: "/addons" },
  { key: "requests", href: "/requests" },
  { key: "profile", href: "/profile" },
];

const AGENT_NAV: NavItem[] = [
  { key: "agentQueue", href: "/agent", isExact: true },
  { key: "agentCustomers", href: "/agent/customers" },
];

const PARTNER_NAV: NavItem[] = [
  { key: "partnerHome", href: "/partner", isExact: true },
  { key: "partnerRegister", href: "/partner/register" },
  { key: "partnerCustomers", href: "/partner/customers" },
  { key: "partnerOrders", href: "/partner/orders" },
];

const ADMIN_NAV: NavItem[] = [
  { key: "adminOverview", href: "/admin", isExact: true },
  { key: "adminRouting", href: "/admin/routing" },
  { key: "adminCredit", href: "/admin/credit" },
  { key: "adminTariffs", href: "/admin/tariffs" },
  { key: "adminAddons", href: "/admin/addons" },
  { key: "adminIncidents", href: "/admin/incidents" },
  { key: "adminKnowledge", href: "/admin/knowledge" },
  { key: "adminApprovals", href: "/admin/approvals" },
  { key: "adminUsers", href: "/admin/users" },
  { key: "adminSms", href: "/admin/sms" },
  { key: "adminReports", href: "/admin/reports" },
  { key: "adminAudit", href: "/admin/audit" },
  // Supervisors may do what agents may.
  ...AGENT_NAV,
];

const NAV_BY_ROLE: Record<Role, NavItem[]> = {
  SUBSCRIBER: SUBSCRIBER_NAV,
  AGENT: AGENT_NAV,
  PARTNER: PARTNER_NAV,
  ADMIN: ADMIN_NAV,
};

export const HOME_BY_ROLE: Record<Role, string> = {
  SUBSCRIBER: "/dashboard",
  AGENT: "/agent",
  PARTNER: "/partner",
  ADMIN: "/admin",
};

export function getNavItems(role: Role): NavItem[] {
  return NAV_BY_ROLE[role];
}

export function isNavItemActive(item: NavItem, pathname: string): boolean {
  if (pathname === item.href) return true;
  return !item.isExact && pathname.startsWith(`${item.href}/`);
}
