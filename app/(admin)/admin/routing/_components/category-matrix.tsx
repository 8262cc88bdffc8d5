"use client";

import { useTranslations } from "next-intl";
import { Controller } from "react-hook-form";
import { CATEGORIES, SEGMENTS } from "@/server/domain/routing/policy.schema";
import { Card } from "../../_components/card";
import { ALWAYS_TO_PERSON, type PolicyForm } from "./policy-form";

/** Which categories each segment is served in self-service first: a tick per category and segment. */
export function CategoryMatrix({ form }: { form: PolicyForm }) {
  const t = useTranslations("admin.routing");
  const tSegments = useTranslations("admin.segments");
  const tCategories = useTranslations("admin.categories");
  return (
    <Card id="self-service-title" title={t("selfService.title")} description={t("selfService.description")}>
      <div className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("selfService.title")}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="py-2 pr-2 font-medium text-slate-600">
                {t("selfService.category")}
              </th>
              {SEGMENTS.map((segment) => (
                <th
                  key={segment}
                  scope="col"
                  className="px-0 py-2 text-center text-xs font-medium text-slate-600 sm:px-1 sm:text-sm"
                >
                  {tSegments(segment)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.map((category) => {
              const isFixed = ALWAYS_TO_PERSON.has(category);
              return (
                <tr key={category} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="py-1.5 pr-1 text-left font-normal break-words hyphens-auto sm:pr-2">
                    {tCategories(category)}
                    {isFixed && <span className="block text-xs text-slate-600">{t("selfService.alwaysPerson")}</span>}
                  </th>
                  {SEGMENTS.map((segment) => (
                    <td key={segment} className="px-0 py-1 text-center sm:px-1">
                      <Controller
                        control={form.control}
                        name={`selfServiceCategories.${segment}`}
                        render={({ field }) => {
                          const checked = field.value.includes(category);
                          return (
                            <label className="inline-grid size-11 cursor-pointer place-items-center rounded-lg hover:bg-slate-100 has-[:disabled]:cursor-not-allowed">
                              <input
                                type="checkbox"
                                className="size-5 accent-brand-600"
                                aria-label={t("selfService.cellLabel", {
                                  segment: tSegments(segment),
                                  category: tCategories(category),
                                })}
                                checked={checked}
                                disabled={isFixed && !checked}
                                onChange={(event) =>
                                  field.onChange(
                                    event.target.checked
                                      ? [...field.value, category]
                                      : field.value.filter((value) => value !== category),
                                  )
                                }
                                onBlur={field.onBlur}
                              />
                            </label>
                          );
                        }}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
