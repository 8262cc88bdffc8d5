"use client";

import { useTranslations } from "next-intl";
import { Controller } from "react-hook-form";
import { fieldErrorAt } from "@/app/_lib/form-errors";
import { PRIORITIES, SEGMENTS } from "@/server/domain/routing/policy.schema";
import { Card } from "../../_components/card";
import type { PolicyForm } from "./policy-form";

// Narrower than the other inputs so four columns fit a 360 px screen; no spin buttons.
const SLA_INPUT =
  "block min-h-11 w-full min-w-12 rounded-lg border border-slate-400 bg-white px-1 text-center text-sm tabular-nums shadow-xs [appearance:textfield] focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none aria-[invalid=true]:border-red-600 sm:px-3 sm:text-left sm:text-base [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none";

/** Minutes to the first response by segment and priority (1 is the most urgent). */
export function SlaTable({ form }: { form: PolicyForm }) {
  const t = useTranslations("admin.routing");
  const tCommon = useTranslations("admin.common");
  const tSegments = useTranslations("admin.segments");
  const errors = form.formState.errors;
  const hasError = SEGMENTS.some((segment) =>
    PRIORITIES.some((priority) => fieldErrorAt(errors, `slaMinutes.${segment}.${priority}`)),
  );
  return (
    <Card id="sla-title" title={t("sla.title")} description={t("sla.description")}>
      <div className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("sla.title")}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="py-2 pr-2 font-medium text-slate-600">
                {t("sla.segment")}
              </th>
              {PRIORITIES.map((priority) => (
                <th key={priority} scope="col" className="px-1 py-2 font-medium text-slate-600">
                  {t("sla.priority", { priority })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SEGMENTS.map((segment) => (
              <tr key={segment} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-1.5 pr-1 text-left text-sm font-normal sm:pr-2">
                  {tSegments(segment)}
                </th>
                <Controller
                  control={form.control}
                  name={`slaMinutes.${segment}`}
                  render={({ field }) => (
                    <>
                      {PRIORITIES.map((priority) => {
                        const invalid = !!fieldErrorAt(errors, `slaMinutes.${segment}.${priority}`);
                        return (
                          <td key={priority} className="px-0.5 py-1 sm:px-1">
                            <input
                              type="number"
                              inputMode="numeric"
                              min={1}
                              step={1}
                              aria-label={t("sla.cellLabel", { segment: tSegments(segment), priority })}
                              aria-invalid={invalid || undefined}
                              value={Number.isFinite(field.value[priority]) ? field.value[priority] : ""}
                              onChange={(event) =>
                                field.onChange({
                                  ...field.value,
                                  [priority]: event.target.value === "" ? Number.NaN : Number(event.target.value),
                                })
                              }
                              onBlur={field.onBlur}
                              className={SLA_INPUT}
                            />
                          </td>
                        );
                      })}
                    </>
                  )}
                />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hasError && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {t("sla.invalid")} {tCommon("validation.integer")}
        </p>
      )}
    </Card>
  );
}
