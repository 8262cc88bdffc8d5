"use client";

import type { ReactNode } from "react";

/** A collapsible block of the 360 view; open by default where the agent usually looks first. */
export function Section({ id, title, isOpen, children, count }: { id: string; title: string; isOpen: boolean; children: ReactNode; count?: number }) {
  return (
    <details open={isOpen} className="group rounded-2xl border border-slate-200 bg-white shadow-sm" aria-labelledby={id}>
      <summary className="flex min-h-12 cursor-pointer items-center justify-between gap-2 px-4 py-2">
        <h3 id={id} className="text-base font-semibold">
          {title}
          {count !== undefined && <span className="ml-2 text-sm font-normal text-slate-600 tabular-nums">{count}</span>}
        </h3>
        <span aria-hidden="true" className="text-slate-500 transition group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="border-t border-slate-100 px-4 py-3">{children}</div>
    </details>
  );
}

