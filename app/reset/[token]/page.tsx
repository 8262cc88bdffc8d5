import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CenteredPage } from "@/app/_components/centered-page";
import { ResetWithLinkForm } from "./reset-with-link-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn.reset");
  return { title: t("metaTitle") };
}

type ResetPageProps = { params: Promise<{ token: string }> };

/** Public: a staff member sets a new password with the one-time link a supervisor made. */
export default async function ResetWithLinkPage({ params }: ResetPageProps) {
  const { token } = await params;
  const t = await getTranslations("signIn.reset");
  return (
    <CenteredPage>
      <div className="w-full max-w-md">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("subtitle")}</p>
        <ResetWithLinkForm token={token} />
      </div>
    </CenteredPage>
  );
}
