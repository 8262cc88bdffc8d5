import { getTranslations } from "next-intl/server";
import { getServerCaller } from "@/app/_trpc/server";
import { RoleMenu } from "./role-menu";
import { WhoAmICard } from "./who-am-i-card";

type RoleHomeProps = {
  titleKey: "agentTitle" | "partnerTitle" | "adminTitle";
  href: string;
};

/** The home of staff roles: who is signed in, and where they can go from here. */
export async function RoleHome({ titleKey, href }: RoleHomeProps) {
  const api = await getServerCaller();
  const me = await api.me.get();
  const t = await getTranslations("home");
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-semibold text-brand-700">{t(titleKey)}</p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">{t("greeting", { name: me.name })}</h1>
      </div>
      <WhoAmICard me={me} />
      <RoleMenu role={me.role} currentHref={href} />
    </div>
  );
}
