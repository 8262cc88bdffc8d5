import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CenteredPage } from "@/app/_components/centered-page";
import { getSession } from "@/app/_trpc/server";
import { safeCallbackUrl } from "./sign-in-error";
import { SignInMethods } from "./sign-in-methods";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("metaTitle") };
}

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  if (await getSession()) redirect("/");
  const { callbackUrl, error } = await searchParams;
  const t = await getTranslations("signIn");

  return (
    <CenteredPage>
      <div className="w-full max-w-md">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("subtitle")}</p>
        <SignInMethods
          callbackUrl={safeCallbackUrl(callbackUrl)}
          initialError={typeof error === "string" && error ? error : undefined}
        />
        <p className="mt-4 text-center text-sm">
          <Link
            href="/forgot-password"
            className="inline-flex min-h-11 items-center font-semibold text-brand-700 hover:underline"
          >
            {t("forgotLink")}
          </Link>
        </p>
        <p className="mt-4 text-center text-sm text-slate-700">
          {t("activatePrompt")}{" "}
          <Link href="/activate" className="font-semibold text-brand-700 hover:underline">
            {t("activateLink")}
          </Link>
        </p>
      </div>
    </CenteredPage>
  );
}
