"use client";

import { RotateCcw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";

function digestOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("digest" in error)) return undefined;
  return typeof error.digest === "string" ? error.digest : undefined;
}

/** The body of every `error.tsx`: what happened, a retry, and a way out. */
export function ErrorView({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errors");
  const digest = digestOf(error);

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <section
      role="alert"
      aria-labelledby="error-title"
      className="mx-auto max-w-lg rounded-2xl border border-slate-200 bg-white p-6 text-center shadow-sm"
    >
      <TriangleAlert aria-hidden="true" className="mx-auto size-10 text-red-600" />
      <h1 id="error-title" className="mt-3 text-xl font-bold">
        {t("title")}
      </h1>
      <p className="mt-2 text-slate-700">{t("description")}</p>
      {digest && <p className="mt-2 text-xs text-slate-600">{t("reference", { digest })}</p>}
      <div className="mt-5 flex flex-wrap justify-center gap-3">
        <button
          type="button"
          onClick={retry}
          className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700"
        >
          <RotateCcw aria-hidden="true" className="size-4" />
          {t("retry")}
        </button>
        <Link
          href="/"
          className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-4 font-medium text-slate-800 hover:bg-slate-100"
        >
          {t("goHome")}
        </Link>
      </div>
    </section>
  );
}
