import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Role } from "@/app/_trpc/types";

export function Forbidden({ role }: { role: Role }) {
  const t = useTranslations("errors");
  const tCommon = useTranslations("common");
  return (
    <section
      aria-labelledby="forbidden-title"
      className="mx-auto max-w-lg rounded-2xl border border-slate-200 bg-white p-6 text-center shadow-sm"
    >
      <ShieldAlert aria-hidden="true" className="mx-auto size-10 text-amber-600" />
      <p className="mt-3 text-sm font-semibold text-slate-600">403</p>
      <h1 id="forbidden-title" className="mt-1 text-xl font-bold">
        {t("forbiddenTitle")}
      </h1>
      <p className="mt-2 text-slate-700">{t("forbiddenText", { role: tCommon(`roles.${role}`) })}</p>
      <Link
        href="/"
        className="mt-5 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700"
      >
        {t("goHome")}
      </Link>
    </section>
  );
}
