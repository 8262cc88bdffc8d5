import { ChevronRight, Search } from "lucide-react";
import Link from "next/link";

/** A GET search form: the list is a server page, so the query lives in the address and survives a reload. */
export function ListSearch({
  action,
  label,
  hint,
  submit,
  value,
}: {
  action: string;
  label: string;
  hint: string;
  submit: string;
  value?: string;
}) {
  return (
    <form action={action} method="get" role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="flex-1">
        <label htmlFor="list-search" className="block text-sm font-medium text-slate-900">
          {label}
        </label>
        <div className="relative mt-1.5">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500"
          />
          <input
            id="list-search"
            name="q"
            type="search"
            defaultValue={value}
            aria-describedby="list-search-hint"
            className="block min-h-12 w-full rounded-lg border border-slate-400 bg-white pr-3 pl-9 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none"
          />
        </div>
        <p id="list-search-hint" className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      </div>
      <button
        type="submit"
        className="min-h-12 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700 sm:mb-5"
      >
        {submit}
      </button>
    </form>
  );
}

export function Pager({
  basePath,
  search,
  nextCursor,
  isFirst,
  nextLabel,
  firstLabel,
}: {
  basePath: string;
  search?: string;
  nextCursor: string | null;
  isFirst: boolean;
  nextLabel: string;
  firstLabel: string;
}) {
  const query = (cursor?: string) => {
    const params = new URLSearchParams();
    if (search) params.set("q", search);
    if (cursor) params.set("cursor", cursor);
    const text = params.toString();
    return text ? `${basePath}?${text}` : basePath;
  };
  if (!nextCursor && isFirst) return null;
  return (
    <nav className="flex flex-wrap gap-3" aria-label={nextLabel}>
      {!isFirst && (
        <Link
          href={query()}
          className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100"
        >
          {firstLabel}
        </Link>
      )}
      {nextCursor && (
        <Link
          href={query(nextCursor)}
          className="inline-flex min-h-11 items-center gap-1 rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100"
        >
          {nextLabel}
          <ChevronRight aria-hidden="true" className="size-4" />
        </Link>
      )}
    </nav>
  );
}

export function StatusBadge({ tone, children }: { tone: "good" | "wait" | "muted"; children: React.ReactNode }) {
  const style = {
    good: "bg-emerald-50 text-emerald-800 ring-emerald-200",
    wait: "bg-amber-50 text-amber-800 ring-amber-200",
    muted: "bg-slate-100 text-slate-700 ring-slate-200",
  }[tone];
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${style}`}>
      {children}
    </span>
  );
}

/** A dealer list: its title, the search box, then the list, or what to say when there is nothing to show. */
export function SearchableList({
  title,
  subtitle,
  search,
  isEmpty,
  emptyText,
  children,
}: {
  title: string;
  subtitle: string;
  search: Parameters<typeof ListSearch>[0];
  isEmpty: boolean;
  emptyText: string;
  children: React.ReactNode;
}) {
  return (
    <>
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
        <p className="mt-1 text-slate-700">{subtitle}</p>
      </div>
      <ListSearch {...search} />
      {isEmpty ? (
        <p className="rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {emptyText}
        </p>
      ) : (
        children
      )}
    </>
  );
}
