"use client";

import {
  Ban,
  CreditCard,
  FileQuestion,
  HandCoins,
  type LucideIcon,
  MessageSquareWarning,
  Plane,
  Repeat,
  SmartphoneNfc,
  WifiOff,
  Wrench,
  XCircle,
} from "lucide-react";
import { useTranslations } from "next-intl";
import { CATEGORY_ORDER, type RequestCategory } from "../_lib/request-types";

const ICONS: Record<RequestCategory, LucideIcon> = {
  BILLING_QUESTION: CreditCard,
  BILL_DISPUTE: HandCoins,
  TARIFF_CHANGE: Repeat,
  TECHNICAL_FAULT: Wrench,
  NO_SERVICE: WifiOff,
  NUMBER_PORTING: SmartphoneNfc,
  SIM_REPLACEMENT: Ban,
  ROAMING: Plane,
  CANCEL_CONTRACT: XCircle,
  COMPLAINT: MessageSquareWarning,
  OTHER: FileQuestion,
};

type CategoryPickerProps = {
  value: RequestCategory | undefined;
  onChange: (category: RequestCategory) => void;
  legendId: string;
  error?: string;
};

/** The first step: what the request is about, as a group of large radio cards. */
export function CategoryPicker({ value, onChange, legendId, error }: CategoryPickerProps) {
  const t = useTranslations("requests");
  const errorId = `${legendId}-error`;
  return (
    <div
      role="radiogroup"
      aria-labelledby={legendId}
      aria-describedby={error ? errorId : undefined}
      className="grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-3"
    >
      {CATEGORY_ORDER.map((category) => {
        const Icon = ICONS[category];
        const isChecked = value === category;
        return (
          <label
            key={category}
            className={`flex min-h-16 cursor-pointer items-start gap-3 rounded-xl border p-3 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${
              isChecked
                ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600"
                : "border-slate-300 bg-white hover:border-brand-300"
            }`}
          >
            <input
              type="radio"
              name="category"
              value={category}
              checked={isChecked}
              onChange={() => onChange(category)}
              className="sr-only"
            />
            <Icon
              aria-hidden="true"
              className={`mt-0.5 size-5 shrink-0 ${isChecked ? "text-brand-700" : "text-slate-500"}`}
            />
            <span>
              <span className="block font-medium text-slate-900">{t(`category.${category}`)}</span>
              <span className="block text-sm text-slate-600">{t(`categoryHint.${category}`)}</span>
            </span>
          </label>
        );
      })}
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-700 sm:col-span-2 xl:col-span-3">
          {error}
        </p>
      )}
    </div>
  );
}
