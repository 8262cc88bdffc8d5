import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CenteredPage } from "@/app/_components/centered-page";
import { getSession } from "@/app/_trpc/server";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn.forgot");
  return { title: t("metaTitle") };
}

/** Public: a subscriber sets a new password with a code sent by SMS (also one who never had a password). */
export default async function ForgotPasswordPage() {
  if (await getSession()) redirect("/");
  const t = await getTranslations("signIn.forgot");
  return (
    <CenteredPage>
      <div className="w-full max-w-md">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("subtitle")}</p>
        <ForgotPasswordForm />
        <p className="mt-4 text-sm text-slate-600">{t("staffNote")}</p>
        <p className="mt-2 text-center text-sm">
          <Link
            href="/sign-in"
            className="inline-flex min-h-11 items-center font-semibold text-brand-700 hover:underline"
          >
            {t("backToSignIn")}
          </Link>
        </p>
      </div>
    </CenteredPage>
  );
}
