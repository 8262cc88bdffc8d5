import type { ReactNode } from "react";

/**
 * A dealer list's table for wider screens (phones get a card list instead): a caption for screen
 * readers, the column headers, then the rows given.
 */
export function DataTable({
  caption,
  columns,
  visibleFrom,
  minWidth,
  children,
}: {
  caption: string;
  columns: string[];
  visibleFrom: "sm" | "lg";
  minWidth?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={`hidden overflow-x-auto rounded-2xl border border-slate-200 bg-white shadow-sm ${visibleFrom === "sm" ? "sm:block" : "lg:block"}`}
    >
      <table className={`w-full text-left text-sm ${minWidth ? "min-w-[40rem]" : ""}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-3">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
