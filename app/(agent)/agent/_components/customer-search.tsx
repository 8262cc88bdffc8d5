"use client";

import { useQuery } from "@tanstack/react-query";
import { LoaderCircle, Search } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { formatPhone } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import { useTRPC } from "@/app/_trpc/react";
import { SegmentBadge } from "./badges";
import { CallError } from "./call-error";

/** Finds a customer by phone (any form), account number, e-mail or name; the query lives in the URL. */
export function CustomerSearch({ initialQuery }: { initialQuery: string }) {
  const t = useTranslations("agent.search");
  const tKind = useTranslations("agent.c360.kind");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const [text, setText] = useState(initialQuery);
  const [query, setQuery] = useState(initialQuery.trim());
  const [tooShort, setTooShort] = useState(false);
  const isSearchable = query.length >= 2;
  const results = useQuery({ ...trpc.agent.searchCustomers.queryOptions({ query }), enabled: isSearchable });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = text.trim();
    setTooShort(next.length < 2);
    if (next.length < 2) return;
    setQuery(next);
    router.replace(`${pathname}?q=${encodeURIComponent(next)}`, { scroll: false });
  }

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-slate-700">{t("subtitle")}</p>
      </div>
      <form
        role="search"
        onSubmit={submit}
        noValidate
        className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-end"
      >
        <div className="min-w-0 flex-1">
          <label htmlFor={`${id}-q`} className="block text-sm font-medium">
            {t("label")}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t("placeholder")}
            maxLength={100}
            autoComplete="off"
            aria-invalid={tooShort ? true : undefined}
            aria-describedby={tooShort ? `${id}-error` : undefined}
            className={`mt-1.5 block min-h-12 w-full rounded-lg border px-3 text-base ${tooShort ? "border-red-600" : "border-slate-400"}`}
          />
          {tooShort && (
            <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
              {t("tooShort")}
            </p>
          )}
        </div>
        <button
          type="submit"
          className="inline-flex min-h-12 items-center justify-center gap-2 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700"
        >
          {results.isFetching ? (
            <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
          ) : (
            <Search aria-hidden="true" className="size-4" />
          )}
          {results.isFetching ? t("searching") : t("submit")}
        </button>
      </form>

      <section aria-live="polite" aria-busy={results.isFetching}>
        {!isSearchable ? (
          <p className="text-sm text-slate-600">{t("start")}</p>
        ) : results.isPending ? (
          <div aria-hidden="true" className="h-24 animate-pulse rounded-2xl bg-slate-200" />
        ) : results.isError ? (
          <CallError error={results.error} />
        ) : results.data.items.length === 0 ? (
          <p className="rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-center">
            {t("empty", { query })}
          </p>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-700">{t("results", { count: results.data.items.length })}</p>
            <ul className="grid grid-cols-1 gap-3 lg:grid-cols-2">
              {results.data.items.map((customer) => (
                <li key={customer.id}>
                  <Link
                    href={`/agent/customers/${customer.id}`}
                    className="block rounded-2xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-300 hover:bg-brand-50"
                  >
                    <span className="flex flex-wrap items-center justify-between gap-2">
                      <span className="font-semibold break-words">{customer.name}</span>
                      <SegmentBadge segment={customer.segment} />
                    </span>
                    <span className="mt-1 block text-sm text-slate-700 tabular-nums">
                      {customer.accountNumber} · {formatMoney(customer.balanceCents, customer.currency, locale)}
                    </span>
                    <span className="mt-1 block text-sm text-slate-600">
                      {customer.lines.length === 0
                        ? t("lines", { count: 0 })
                        : customer.lines
                            .map((line) => (line.msisdn ? formatPhone(line.msisdn) : tKind(line.kind)))
                            .join(", ")}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            {results.data.hasMore && <p className="mt-2 text-sm text-slate-700">{t("more")}</p>}
          </>
        )}
      </section>
    </div>
  );
}
