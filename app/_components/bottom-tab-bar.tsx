"use client";

import { Ellipsis } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { getNavItems, isNavItemActive, type NavItem } from "@/app/_lib/navigation";
import type { Role } from "@/app/_trpc/types";
import { NavIcon } from "./nav-icon";

/** A phone screen fits five tabs; longer menus keep four and put the rest under "More". */
const MAX_TABS = 5;

const tabClass =
  "flex min-h-14 flex-1 flex-col items-center justify-center gap-0.5 px-1 text-[11px] font-medium leading-tight";

function tabColour(isActive: boolean) {
  return isActive ? "text-brand-700" : "text-slate-600 hover:text-slate-900";
}

/** The navigation on phones (< md): a tab bar fixed to the bottom, clear of the home indicator. */
export function BottomTabBar({ role }: { role: Role }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const items = getNavItems(role);
  const tabs = items.length > MAX_TABS ? items.slice(0, MAX_TABS - 1) : items;
  const overflow = items.slice(tabs.length);

  return (
    <nav
      aria-label={t("mainNavigation")}
      className="pb-safe fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white md:hidden"
    >
      <ul className="flex">
        {tabs.map((item) => {
          const isActive = isNavItemActive(item, pathname);
          return (
            <li key={item.href} className="flex flex-1">
              <Link
                href={item.href}
                aria-current={isActive ? "page" : undefined}
                className={`${tabClass} ${tabColour(isActive)}`}
              >
                <NavIcon navKey={item.key} className="size-6" />
                <span className="max-w-full truncate">{t(`items.${item.key}`)}</span>
              </Link>
            </li>
          );
        })}
        {overflow.length > 0 && (
          <li className="flex flex-1">
            <MoreMenu items={overflow} pathname={pathname} />
          </li>
        )}
      </ul>
    </nav>
  );
}

function MoreMenu({ items, pathname }: { items: NavItem[]; pathname: string }) {
  const t = useTranslations("nav");
  const panelId = useId();
  // Remembers where the menu was opened, so it closes by itself on navigation.
  const [openedOn, setOpenedOn] = useState<string | null>(null);
  const isOpen = openedOn === pathname;
  const setIsOpen = (open: boolean) => setOpenedOn(open ? pathname : null);
  const hasActiveItem = items.some((item) => isNavItemActive(item, pathname));

  useEffect(() => {
    if (!isOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => event.key === "Escape" && setOpenedOn(null);
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [isOpen]);

  return (
    <>
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen(!isOpen)}
        className={`${tabClass} ${tabColour(hasActiveItem || isOpen)}`}
      >
        <Ellipsis aria-hidden="true" className="size-6" />
        {t("more")}
      </button>
      <div
        id={panelId}
        hidden={!isOpen}
        className="absolute inset-x-2 bottom-full mb-2 rounded-xl border border-slate-200 bg-white p-2 shadow-lg"
      >
        <p className="px-3 py-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">{t("moreSections")}</p>
        <ul>
          {items.map((item) => {
            const isActive = isNavItemActive(item, pathname);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={isActive ? "page" : undefined}
                  onClick={() => setIsOpen(false)}
                  className={`flex min-h-11 items-center gap-3 rounded-lg px-3 text-sm font-medium ${
                    isActive ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"
                  }`}
                >
                  <NavIcon navKey={item.key} />
                  {t(`items.${item.key}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </>
  );
}
