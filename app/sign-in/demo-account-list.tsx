"use client";

import { Info } from "lucide-react";
import { useTranslations } from "next-intl";
import { formatPhone } from "@/app/_lib/format";
import { DEMO_TOTP_SECRET } from "@/server/domain/identity/demo-totp";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

export function DemoAccountList({ onPick }: { onPick: (identifier: string, password: string) => void }) {
  const t = useTranslations("signIn");
  return (
    <section aria-labelledby="demo-accounts-title" className="mt-6 rounded-2xl border border-brand-100 bg-brand-50 p-5">
      <h2 id="demo-accounts-title" className="flex items-center gap-2 text-sm font-semibold text-brand-800">
        <Info aria-hidden="true" className="size-4" />
        {t("demoTitle")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {t.rich("demoHint", {
          password: DEMO_PASSWORD,
          code: (chunks) => <code className="rounded bg-white px-1 py-0.5 font-mono text-slate-900">{chunks}</code>,
        })}
      </p>
      <p className="mt-1 text-sm text-slate-700">
        {t.rich("demoTotpHint", {
          secret: DEMO_TOTP_SECRET,
          code: (chunks) => <code className="rounded bg-white px-1 py-0.5 font-mono text-slate-900">{chunks}</code>,
        })}
      </p>
      <ul className="mt-3 grid gap-2 sm:grid-cols-2">
        {DEMO_ACCOUNTS.map((account) => (
          <li key={account.identifier}>
            <button
              type="button"
              onClick={() => onPick(account.identifier, DEMO_PASSWORD)}
              className="flex h-full min-h-11 w-full flex-col items-start rounded-lg border border-brand-200 bg-white px-3 py-2 text-left hover:border-brand-500 hover:bg-brand-50"
            >
              <span className="text-sm font-medium break-all text-slate-900 tabular-nums">
                {account.identifier.startsWith("+") ? formatPhone(account.identifier) : account.identifier}
              </span>
              <span className="text-xs text-slate-600">{t(`demoAccounts.${account.descriptionKey}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
