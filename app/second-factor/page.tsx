import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CenteredPage } from "@/app/_components/centered-page";
import { PasskeysCard } from "@/app/_components/passkeys-card";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { HOME_BY_ROLE } from "@/app/_lib/navigation";
import { getServerCaller, getSession } from "@/app/_trpc/server";
import { ClientMessages } from "@/app/i18n/client-messages";
import { needsSecondFactor } from "@/server/domain/identity/totp";
import { EnrolForm } from "./enrol-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secondFactor");
  return { title: t("metaTitle") };
}

/**
 * Staff set up the TOTP second factor here: right after a first sign-in with the password (every
 * staff page and procedure sends them here until it is done) and after a supervisor reset it.
 */
export default async function SecondFactorPage() {
  const session = await getSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/second-factor")}`);
  if (!needsSecondFactor(session.role)) redirect("/");
  const t = await getTranslations("secondFactor");
  const tPasskeys = await getTranslations("passkeys");
  const caller = await getServerCaller();
  const status = await caller.secondFactor.status();
  const home = HOME_BY_ROLE[session.role];

  if (status.enrolled) {
    return (
      <CenteredPage isSignedIn>
        <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("enrolledTitle")}</h1>
          <p className="mt-2 text-slate-700">{t("enrolledText", { count: status.recoveryCodesLeft })}</p>
          <Link
            href={home}
            className="mt-5 flex min-h-12 items-center justify-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700"
          >
            {t("goHome")}
          </Link>
          {/* Staff have no profile page: their passkeys, a second factor as well, live with the second factor. */}
          <section aria-labelledby="passkeys-title" className="mt-8 border-t border-slate-200 pt-6">
            <h2 id="passkeys-title" className="text-lg font-semibold text-slate-900">
              {tPasskeys("title")}
            </h2>
            <p className="mt-1 mb-4 text-sm text-slate-700">{tPasskeys("staffHint")}</p>
            <ClientMessages namespaces={["passkeys"]}>
              <PasskeysCard />
            </ClientMessages>
          </section>
        </div>
      </CenteredPage>
    );
  }

  const enrolment = await caller.secondFactor.beginEnrolment();
  // The QR code is an SVG drawn on the server; as an image it cannot carry script into the page.
  const qrSrc = `data:image/svg+xml;base64,${Buffer.from(enrolment.qrSvg).toString("base64")}`;
  return (
    <CenteredPage isSignedIn>
      <ClientMessages namespaces={["secondFactor"]}>
        <div className="w-full max-w-md">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t("title")}</h1>
          <p className="mt-2 text-slate-700">{t("intro")}</p>
          <EnrolForm secret={enrolment.secret} qrSrc={qrSrc} otpauthUri={enrolment.otpauthUri} home={home} />
          <div className="mt-6 flex justify-center">
            <SignOutButton variant="block" />
          </div>
        </div>
      </ClientMessages>
    </CenteredPage>
  );
}
