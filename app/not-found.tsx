import { SearchX } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CenteredPage } from "./_components/centered-page";
import { getSession } from "./_trpc/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  const session = await getSession().catch(() => null);
  return (
    <CenteredPage isSignedIn={session !== null}>
      <section className="w-full max-w-lg rounded-2xl border border-slate-200 bg-white p-6 text-center shadow-sm">
        <SearchX aria-hidden="true" className="mx-auto size-10 text-brand-600" />
        <p className="mt-3 text-sm font-semibold text-slate-600">404</p>
        <h1 className="mt-1 text-xl font-bold">{t("notFoundTitle")}</h1>
        <p className="mt-2 text-slate-700">{t("notFoundText")}</p>
        <Link
          href="/"
          className="mt-5 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700"
        >
          {t("goHome")}
        </Link>
      </section>
    </CenteredPage>
  );
}
