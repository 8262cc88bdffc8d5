"use client";

import { Router, Smartphone } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ServiceKind } from "@/server/domain/partner/partner.schema";

const KINDS: { kind: ServiceKind; Icon: typeof Smartphone }[] = [
  { kind: "MOBILE", Icon: Smartphone },
  { kind: "HOME_INTERNET", Icon: Router },
];

/** What the dealer sells, chosen first: a SIM card (a number from the pool) or home internet (an address). */
export function ServiceKindPicker({ value, onChange }: { value: ServiceKind; onChange: (kind: ServiceKind) => void }) {
  const t = useTranslations("partner.register.kinds");
  return (
    <div
      role="radiogroup"
      aria-labelledby="kind-legend"
      aria-required="true"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2"
    >
      {KINDS.map(({ kind, Icon }) => {
        const isChecked = value === kind;
        return (
          <label
            key={kind}
            className={`flex cursor-pointer items-start gap-3 rounded-xl border p-4 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${
              isChecked
                ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600"
                : "border-slate-300 bg-white hover:border-brand-500"
            }`}
          >
            <input
              type="radio"
              name="kind"
              value={kind}
              checked={isChecked}
              onChange={() => onChange(kind)}
              className="mt-1 size-4 shrink-0 accent-brand-600"
            />
            <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-brand-700" />
            <span className="min-w-0">
              <span className="block font-semibold">{t(`${kind}.name`)}</span>
              <span className="block text-sm text-slate-700">{t(`${kind}.hint`)}</span>
            </span>
          </label>
        );
      })}
    </div>
  );
}
