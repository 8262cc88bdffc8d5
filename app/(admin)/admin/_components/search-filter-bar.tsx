"use client";

import { Search } from "lucide-react";
import { INPUT } from "./buttons";

type Option<Value extends string> = { value: Value; label: string };

/** A list's search box and one filter select, with labels for screen readers. */
export function SearchFilterBar<Value extends string>({
  id,
  query,
  onQuery,
  searchLabel,
  filter,
}: {
  id: string;
  query: string;
  onQuery: (query: string) => void;
  searchLabel: string;
  filter: {
    label: string;
    allLabel: string;
    value: Value | "";
    onChange: (value: Value | "") => void;
    options: Option<Value>[];
  };
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-[1fr_16rem]">
      <div className="relative">
        <label htmlFor={`${id}-search`} className="sr-only">
          {searchLabel}
        </label>
        <Search aria-hidden="true" className="pointer-events-none absolute top-3 left-3 size-5 text-slate-500" />
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(event) => onQuery(event.target.value)}
          placeholder={searchLabel}
          className={`${INPUT} pl-10`}
        />
      </div>
      <div>
        <label htmlFor={`${id}-filter`} className="sr-only">
          {filter.label}
        </label>
        <select
          id={`${id}-filter`}
          value={filter.value}
          onChange={(event) => filter.onChange(event.target.value as Value | "")}
          className={INPUT}
        >
          <option value="">{filter.allLabel}</option>
          {filter.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
