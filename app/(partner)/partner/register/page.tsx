import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { getServerCaller } from "@/app/_trpc/server";
import { RegisterForm } from "./_components/register-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("partner.register");
  return { title: t("metaTitle") };
}

async function Registration() {
  const t = await getTranslations("partner.register");
  const tariffs = await (await getServerCaller()).partner.tariffs({});
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-slate-700">{t("subtitle")}</p>
      </div>
      {tariffs.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-center">{t("noTariffs")}</p>
      ) : (
        <RegisterForm tariffs={tariffs} />
      )}
    </div>
  );
}

export default function RegisterPage() {
  return (
    <RoleGate area="partner">
      <Registration />
    </RoleGate>
  );
}
