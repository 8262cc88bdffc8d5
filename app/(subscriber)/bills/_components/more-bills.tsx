"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/app/_trpc/react";
import { BILL_PAGE_SIZE } from "../_lib/page-size";
import { BillRow } from "./bill-row";

/** Earlier bills, a page at a time after the server-rendered first page. */
export function MoreBills({ cursor }: { cursor: string }) {
  const t = useTranslations("bills");
  const trpc = useTRPC();
  const query = useInfiniteQuery({
    ...trpc.bill.list.infiniteQueryOptions(
      { limit: BILL_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, initialCursor: cursor },
    ),
    enabled: false,
  });
  const bills = query.data?.pages.flatMap((page) => page.items) ?? [];
  const hasMore = query.data ? query.hasNextPage : true;
  const load = () => void (query.data ? query.fetchNextPage() : query.refetch());
  const isLoading = query.isFetching;

  return (
    <>
      {bills.length > 0 && (
        <ul className="space-y-3" aria-label={t("title")}>
          {bills.map((bill) => (
            <li key={bill.id}>
              <BillRow bill={bill} />
            </li>
          ))}
        </ul>
      )}
      {query.isError && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {t("loadError")}
        </p>
      )}
      {hasMore && (
        <div className="flex justify-center">
          <button
            type="button"
            onClick={load}
            disabled={isLoading}
            aria-busy={isLoading}
            className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-wait disabled:opacity-70"
          >
            {isLoading ? t("loadingMore") : query.isError ? t("retry") : t("loadMore")}
          </button>
        </div>
      )}
    </>
  );
}
