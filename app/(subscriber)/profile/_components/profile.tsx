import {
  Bell,
  Fingerprint,
  Globe,
  KeyRound,
  LaptopMinimal,
  LogOut,
  Smartphone,
  UserRound,
  type LucideIcon,
} from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitch } from "@/app/_components/locale-switch";
import { PasskeysCard } from "@/app/_components/passkeys-card";
import { SignedInDevices } from "@/app/_components/signed-in-devices";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { formatPhone } from "@/app/_lib/format";
import { InstallAppSection } from "@/app/_pwa/install-app-section";
import { PushToggle } from "@/app/_pwa/push-toggle";
import { getServerCaller } from "@/app/_trpc/server";
import { ChangePassword } from "./change-password";

function Card({
  id,
  icon: Icon,
  title,
  hint,
  children,
}: {
  id: string;
  icon: LucideIcon;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="flex items-center gap-2 text-lg font-semibold">
        <Icon aria-hidden="true" className="size-5 text-brand-700" />
        {title}
      </h2>
      {hint && <p className="mt-1 text-sm text-slate-600">{hint}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** The subscriber's profile: who they are, language, notifications on this device, the app, signed-in devices, sign-out. */
export async function Profile() {
  const api = await getServerCaller();
  const [me, push] = await Promise.all([api.me.get(), api.push.publicKey()]);
  const t = await getTranslations("profile");
  const tSessions = await getTranslations("sessions");
  const tPasskeys = await getTranslations("passkeys");
  const rows = [
    { label: t("account.name"), value: me.name },
    { label: t("account.accountNumber"), value: me.accountNumber ?? t("account.notSet") },
    { label: t("account.phone"), value: me.phone ? formatPhone(me.phone) : t("account.notSet") },
    { label: t("account.email"), value: me.email ?? t("account.notSet") },
  ];

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>

      <Card id="profile-account" icon={UserRound} title={t("account.title")}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          {rows.map((row) => (
            <div key={row.label} className="contents">
              <dt className="text-sm text-slate-600">{row.label}</dt>
              <dd className="-mt-2 font-medium break-words tabular-nums sm:mt-0">{row.value}</dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card id="profile-password" icon={KeyRound} title={t("password.title")} hint={t("password.hint")}>
        <ChangePassword phone={me.phone ?? null} />
      </Card>

      <Card id="profile-passkeys" icon={Fingerprint} title={tPasskeys("title")} hint={tPasskeys("hint")}>
        <PasskeysCard />
      </Card>

      <Card id="profile-language" icon={Globe} title={t("language.title")} hint={t("language.hint")}>
        <div className="inline-flex">
          <LocaleSwitch isSignedIn />
        </div>
      </Card>

      <Card id="profile-notifications" icon={Bell} title={t("notifications.title")} hint={t("notifications.hint")}>
        <PushToggle publicKey={push.publicKey} />
      </Card>

      <Card id="profile-app" icon={Smartphone} title={t("app.title")}>
        <InstallAppSection />
      </Card>

      <Card id="profile-devices" icon={LaptopMinimal} title={tSessions("title")} hint={tSessions("hint")}>
        <SignedInDevices />
      </Card>

      <Card id="profile-session" icon={LogOut} title={t("session.title")} hint={t("session.hint")}>
        <SignOutButton variant="block" />
      </Card>
    </div>
  );
}
