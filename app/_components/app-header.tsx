import { useTranslations } from "next-intl";
import type { Role } from "@/app/_trpc/types";
import { BrandLink } from "./brand-link";
import { LocaleSwitch } from "./locale-switch";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ name, role }: { name: string; role: Role }) {
  const t = useTranslations("common");
  const roleLabel = t(`roles.${role}`);
  return (
    <header className="z-30 border-b border-slate-200 bg-white/95 backdrop-blur md:sticky md:top-0">
      {/* On phones the user's name and role wrap to a second row under the controls. */}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 md:h-16 md:flex-nowrap md:px-6 md:py-0">
        <BrandLink />
        <p className="order-last flex w-full min-w-0 gap-2 text-sm leading-tight sm:order-none sm:ml-auto sm:block sm:w-auto sm:text-right">
          <span className="sr-only">{t("signedInAs", { name, role: roleLabel })}</span>
          <span aria-hidden="true" className="truncate font-medium text-slate-900 sm:block">
            {name}
          </span>
          <span aria-hidden="true" className="text-slate-400 sm:hidden">
            ·
          </span>
          <span aria-hidden="true" className="truncate text-slate-600 sm:block sm:text-xs">
            {roleLabel}
          </span>
        </p>
        <div className="ml-auto sm:ml-0">
          <LocaleSwitch isSignedIn />
        </div>
        <SignOutButton />
      </div>
    </header>
  );
}
