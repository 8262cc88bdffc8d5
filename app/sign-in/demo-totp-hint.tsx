"use client";

import { useQuery } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/app/_trpc/react";
import { DEMO_ACCOUNTS } from "./demo-accounts";

const DEMO_STAFF = new Set(
  DEMO_ACCOUNTS.filter((account) => account.identifier.includes("@")).map((a) => a.identifier),
);

/**
 * At the second step of a demo staff account: the public demo secret's current code, computed by
 * the server, and only when this database holds the demo data (the server answers null otherwise).
 */
export function DemoTotpHint({ identifier, onUse }: { identifier: string; onUse: (code: string) => void }) {
  const t = useTranslations("signIn");
  const trpc = useTRPC();
  const isDemoStaff = DEMO_STAFF.has(identifier.toLowerCase());
  const hint = useQuery({
    ...trpc.secondFactor.demoCode.queryOptions(undefined, {
      // Fetched again when the code changes.
      refetchInterval: (query) =>
        query.state.data ? Math.max(1000, new Date(query.state.data.changesAt).getTime() - Date.now() + 500) : false,
    }),
    enabled: isDemoStaff,
  });
  if (!isDemoStaff || !hint.data) return null;
  const { code } = hint.data;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-800">
      <p className="flex items-center gap-2">
        <KeyRound aria-hidden="true" className="size-4 text-brand-700" />
        <span>
          {t.rich("demoTotp", {
            value: code,
            mono: (chunks) => <code className="rounded bg-white px-1 py-0.5 font-mono text-slate-900">{chunks}</code>,
          })}
        </span>
      </p>
      <button
        type="button"
        onClick={() => onUse(code)}
        className="min-h-11 rounded-lg px-3 font-semibold text-brand-700 hover:bg-white"
      >
        {t("demoTotpUse")}
      </button>
    </div>
  );
}
