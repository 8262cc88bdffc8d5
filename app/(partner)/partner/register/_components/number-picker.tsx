"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, RotateCcw, Search, Sparkles } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { formatPhone, formatTime } from "@/app/_lib/format";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { registrationMessageKey } from "../../_components/server-messages";

type NumberPickerProps = {
  value: string;
  onChange: (msisdn: string) => void;
  /** Set when the form (or the server) refuses the pick. */
  error?: string;
  onError: (message: string | null) => void;
  onBlur: () => void;
};

const PAGE = 12;

/**
 * The pool's free numbers as one radio group (one tab stop, arrow keys move). Picking a number
 * holds it for this dealer for 15 minutes; the number held before goes back to the pool.
 */
export function NumberPicker({ value, onChange, error, onError, onBlur }: NumberPickerProps) {
  const t = useTranslations("partner.numbers");
  const tValidation = useTranslations("partner.validation");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [searchText, setSearchText] = useState("");
  const [search, setSearch] = useState("");
  const [niceOnly, setNiceOnly] = useState(false);
  const [heldUntil, setHeldUntil] = useState<{ msisdn: string; until: Date } | null>(null);
  const [isReserving, setIsReserving] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latestPick = useRef(value);
  const heldRef = useRef<string | null>(null);

  useEffect(() => {
    const handle = setTimeout(() => setSearch(searchText.replace(/\D/g, "")), 300);
    return () => clearTimeout(handle);
  }, [searchText]);

  const listInput = { search: search || undefined, niceOnly: niceOnly || undefined, limit: PAGE };
  const numbers = useInfiniteQuery(
    trpc.partner.availableNumbers.infiniteQueryOptions(listInput, {
      // A full page of free numbers means there may be more after its last one.
      getNextPageParam: (page) => {
        const free = page.filter((number) => !number.isReservedByMe);
        return free.length === PAGE ? free[free.length - 1]!.msisdn : undefined;
      },
    }),
  );
  const reserve = useMutation(trpc.partner.reserveNumber.mutationOptions());
  const release = useMutation(trpc.partner.releaseNumber.mutationOptions());

  const refreshList = () => queryClient.invalidateQueries(trpc.partner.availableNumbers.pathFilter());

  function pick(msisdn: string) {
    latestPick.current = msisdn;
    onChange(msisdn);
    onError(null);
    if (timer.current) clearTimeout(timer.current);
    // Arrow keys walk through the group; hold only the number the dealer stops on.
    timer.current = setTimeout(() => void hold(msisdn), 350);
  }

  async function hold(msisdn: string) {
    if (latestPick.current !== msisdn) return;
    const previous = heldRef.current;
    setIsReserving(true);
    try {
      const held = await reserve.mutateAsync({ msisdn });
      if (latestPick.current !== msisdn) return;
      heldRef.current = msisdn;
      setHeldUntil({ msisdn, until: held.reservedUntil });
      if (previous && previous !== msisdn) await release.mutateAsync({ msisdn: previous }).catch(() => undefined);
    } catch (failure) {
      if (latestPick.current !== msisdn) return;
      const { code, fields, message } = readTRPCError(failure);
      const key = registrationMessageKey(fields.msisdn ?? message);
      onError(
        code === "CONFLICT"
          ? tValidation("msisdnTaken")
          : code === "TOO_MANY_REQUESTS"
            ? t("tooMany")
            : tValidation(key && key !== "invalid" ? key : "invalid"),
      );
      onChange("");
      void refreshList();
    } finally {
      setIsReserving(false);
    }
  }

  const items = numbers.data?.pages.flat() ?? [];
  const hintId = "msisdn-hint";
  const errorId = "msisdn-error";

  return (
    <div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="number-search" className="block text-sm font-medium text-slate-900">
            {t("search")}
          </label>
          <div className="relative mt-1.5">
            <Search
              aria-hidden="true"
              className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500"
            />
            <input
              id="number-search"
              type="search"
              inputMode="numeric"
              autoComplete="off"
              value={searchText}
              onChange={(event) => setSearchText(event.target.value)}
              aria-describedby="number-search-hint"
              className="block min-h-12 w-full rounded-lg border border-slate-400 bg-white pr-3 pl-9 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none"
            />
          </div>
          <p id="number-search-hint" className="mt-1 text-xs text-slate-600">
            {t("searchHint")}
          </p>
        </div>
        <label className="flex min-h-12 items-center gap-2 self-start rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium sm:mb-5 sm:self-auto">
          <input
            type="checkbox"
            checked={niceOnly}
            onChange={(event) => setNiceOnly(event.target.checked)}
            className="size-4 accent-brand-600"
          />
          <Sparkles aria-hidden="true" className="size-4 text-amber-600" />
          {t("niceOnly")}
        </label>
      </div>

      <div className="mt-4">
        {numbers.isPending ? (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
            <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
            {t("loading")}
          </p>
        ) : numbers.isError ? (
          <div
            role="alert"
            className="flex flex-wrap items-center gap-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          >
            {t("error")}
            <button
              type="button"
              onClick={() => void numbers.refetch()}
              className="inline-flex min-h-11 items-center gap-1 font-semibold underline"
            >
              <RotateCcw aria-hidden="true" className="size-4" />
              {t("retry")}
            </button>
          </div>
        ) : items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-center text-sm text-slate-700">
            {t("empty")}
          </p>
        ) : (
          <div
            role="radiogroup"
            aria-labelledby="number-legend"
            aria-required="true"
            aria-invalid={error ? true : undefined}
            aria-describedby={[error ? errorId : null, hintId].filter(Boolean).join(" ")}
            onBlur={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onBlur();
            }}
            className="grid grid-cols-1 gap-2 min-[400px]:grid-cols-2 md:grid-cols-3"
          >
            {items.map((number) => {
              const isChecked = value === number.msisdn;
              return (
                <label
                  key={number.msisdn}
                  className={`flex min-h-12 cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 text-base tabular-nums transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${
                    isChecked
                      ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600"
                      : "border-slate-300 bg-white hover:border-brand-500"
                  }`}
                >
                  <input
                    type="radio"
                    name="msisdn"
                    value={number.msisdn}
                    checked={isChecked}
                    onChange={() => pick(number.msisdn)}
                    className="size-4 accent-brand-600"
                  />
                  <span className="font-medium whitespace-nowrap">{formatPhone(number.msisdn)}</span>
                  {number.isReservedByMe && (
                    <span className="ml-auto rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800 ring-1 ring-brand-200">
                      {t("mine")}
                    </span>
                  )}
                  {number.isNice && (
                    <span
                      className={`${number.isReservedByMe ? "" : "ml-auto "}inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-800 ring-1 ring-amber-200`}
                    >
                      <Sparkles aria-hidden="true" className="size-3" />
                      {t("nice")}
                    </span>
                  )}
                </label>
              );
            })}
          </div>
        )}
      </div>

      {numbers.hasNextPage && (
        <button
          type="button"
          onClick={() => void numbers.fetchNextPage()}
          disabled={numbers.isFetchingNextPage}
          className="mt-3 inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100 disabled:cursor-wait"
        >
          {numbers.isFetchingNextPage && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
          {t("more")}
        </button>
      )}
      {error && (
        <p id={errorId} className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <p id={hintId} className="mt-2 text-sm text-slate-700" aria-live="polite">
        {isReserving && value
          ? t("reserving", { number: formatPhone(value) })
          : heldUntil && heldUntil.msisdn === value
            ? t("reservedUntil", { number: formatPhone(value), time: formatTime(heldUntil.until, locale) })
            : t("pickHint")}
      </p>
    </div>
  );
}
