import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getNavItems } from "@/app/_lib/navigation";
import type { Role } from "@/app/_trpc/types";
import { NavIcon } from "./nav-icon";

/** The role's sections as cards, without the page the user is on. */
export function RoleMenu({ role, currentHref }: { role: Role; currentHref: string }) {
  const t = useTranslations("nav");
  const tHome = useTranslations("home");
  const items = getNavItems(role).filter((item) => item.href !== currentHref);
  return (
    <section aria-labelledby="role-menu-title">
      <h2 id="role-menu-title" className="text-lg font-semibold">
        {tHome("menuTitle")}
      </h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              className="group flex h-full min-h-20 items-center gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm transition-colors hover:border-brand-500 hover:bg-brand-50"
            >
              <span
                aria-hidden="true"
                className="grid size-10 shrink-0 place-items-center rounded-xl bg-brand-50 text-brand-700 group-hover:bg-white"
              >
                <NavIcon navKey={item.key} />
              </span>
              <span className="min-w-0 flex-1">
                <span className="block font-semibold text-slate-900">{t(`items.${item.key}`)}</span>
                <span className="block text-sm text-slate-600">{t(`descriptions.${item.key}`)}</span>
              </span>
              <ChevronRight aria-hidden="true" className="size-5 shrink-0 text-slate-400 group-hover:text-brand-700" />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
