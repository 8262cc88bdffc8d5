"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { getNavItems, isNavItemActive } from "@/app/_lib/navigation";
import type { Role } from "@/app/_trpc/types";
import { NavIcon } from "./nav-icon";

/** The navigation on tablets and desktops (≥ md). */
export function SideNav({ role }: { role: Role }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("mainNavigation")} className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:block">
      <ul className="sticky top-16 flex flex-col gap-1 p-3">
        {getNavItems(role).map((item) => {
          const isActive = isNavItemActive(item, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isActive ? "page" : undefined}
                className={`flex min-h-11 items-center gap-3 rounded-lg px-3 text-sm font-medium transition-colors ${
                  isActive ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                <NavIcon navKey={item.key} />
                {t(`items.${item.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
