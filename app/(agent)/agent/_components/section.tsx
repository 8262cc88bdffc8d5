"use client";

import type { ReactNode } from "react";

/**
 * A collapsible block of the 360 view, open by default where the agent usually looks first.
 * The region is named by the summary, so it stays reachable by landmark while collapsed.
 */
export function Section({
  id,
  title,
  isOpen,
  children,
  count,
}: {
  id: string;
  title: string;
  isOpen: boolean;
  children: ReactNode;
  count?: number;
}) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-slate-200 bg-white shadow-sm">
      <details open={isOpen} className="group">
        <summary
          id={id}
          className="flex min-h-12 cursor-pointer items-center justify-between gap-2 px-4 py-2 text-base font-semibold"
        >
          <span>
            {title}
            {count !== undefined && (
              <span className="ml-2 text-sm font-normal text-slate-600 tabular-nums">{count}</span>
            )}
          </span>
          <span aria-hidden="true" className="text-slate-500 transition group-open:rotate-180">
            ▾
          </span>
        </summary>
        <div className="border-t border-slate-100 px-4 py-3">{children}</div>
      </details>
    </section>
  );
}
