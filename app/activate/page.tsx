import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CenteredPage } from "@/app/_components/centered-page";
import { getSession } from "@/app/_trpc/server";
import { ActivateForm } from "./activate-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("activation");
  return { title: t("metaTitle") };
}

/** Public: a subscriber registered at a dealer point sets a password with the activation code. */
export default async function ActivatePage() {
  const t = await getTranslations("activation");
  const session = await getSession();
  return (
    <CenteredPage isSignedIn={!!session}>
      <div className="w-full max-w-md">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("subtitle")}</p>
        <ActivateForm />
        <p className="mt-6 text-center text-sm text-slate-700">
          {t("haveAccount")}{" "}
          <Link href="/sign-in" className="font-semibold text-brand-700 hover:underline">
            {t("signIn")}
          </Link>
        </p>
      </div>
    </CenteredPage>
  );
}
