import { useTranslations } from "next-intl";
import { formatPhone } from "@/app/_lib/format";
import type { Me } from "@/app/_trpc/types";

export function WhoAmICard({ me }: { me: Me }) {
  const t = useTranslations("home");
  const tCommon = useTranslations("common");
  const rows: { label: string; value: string }[] = [
    { label: t("name"), value: me.name },
    { label: t("role"), value: tCommon(`roles.${me.role}`) },
    { label: t("email"), value: me.email ?? t("notSet") },
    ...(me.phone ? [{ label: t("phone"), value: formatPhone(me.phone) }] : []),
    ...(me.partnerName ? [{ label: t("partner"), value: me.partnerName }] : []),
  ];
  return (
    <section aria-labelledby="who-am-i-title" className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="who-am-i-title" className="text-lg font-semibold">
        {t("whoAmI")}
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        {rows.map((row) => (
          <div key={row.label} className="contents">
            <dt className="text-sm text-slate-600">{row.label}</dt>
            <dd className="-mt-2 font-medium break-words sm:mt-0">{row.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
