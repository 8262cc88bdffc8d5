"use client";

import { useQuery } from "@tanstack/react-query";
import { FilePlus2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/react";
import { INPUT, SECONDARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Field } from "../../_components/field";
import { LoadError, LoadingBlock } from "../../_components/query-states";

/** Start an article from a request an agent resolved: by its number, or from the recent best-rated ones. */
export function FromRequest() {
  const t = useTranslations("admin.knowledge.fromRequest");
  const tCategories = useTranslations("admin.categories");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const candidates = useQuery(trpc.admin.knowledge.candidates.queryOptions());
  const [number, setNumber] = useState("");
  const [error, setError] = useState<string | undefined>();

  return (
    <Card id="from-request-title" title={t("title")} description={t("description")}>
      <form
        noValidate
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const value = Number(number.replace(/^#/, "").trim());
          if (!Number.isInteger(value) || value < 1) return setError(t("numberInvalid"));
          setError(undefined);
          router.push(`/admin/knowledge/new?fromRequest=${value}`);
        }}
      >
        <Field id="request-number" label={t("number")} error={error} className="w-48">
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={number}
              onChange={(event) => setNumber(event.target.value)}
              placeholder="1234"
              className={INPUT}
            />
          )}
        </Field>
        <button type="submit" className={SECONDARY_BUTTON}>
          <FilePlus2 aria-hidden="true" className="size-4" />
          {t("draft")}
        </button>
      </form>
      <h3 className="mt-5 text-sm font-semibold">{t("recent")}</h3>
      {candidates.isPending ? (
        <LoadingBlock lines={2} />
      ) : candidates.isError ? (
        <LoadError onRetry={() => void candidates.refetch()} />
      ) : candidates.data.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100 text-sm">
          {candidates.data.map((request) => (
            <li key={request.id}>
              <Link
                href={`/admin/knowledge/new?fromRequest=${request.number}`}
                className="flex min-h-11 flex-wrap items-center gap-x-3 py-1.5 hover:bg-slate-50"
              >
                <span className="text-slate-600 tabular-nums">#{request.number}</span>
                <span className="font-medium">{request.subject}</span>
                <span className="text-slate-600">
                  {tCategories(request.category)} · {request.resolvedAt ? formatDate(request.resolvedAt, locale) : ""}
                  {request.csat ? ` · ${t("rated", { csat: request.csat })}` : ""}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
