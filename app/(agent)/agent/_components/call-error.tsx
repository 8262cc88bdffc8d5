"use client";

import { CircleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { readTRPCError, type TRPCErrorCode } from "@/app/_lib/trpc-error";

const KNOWN = ["CONFLICT", "NOT_FOUND", "BAD_REQUEST", "FORBIDDEN", "UNAUTHORIZED", "TOO_MANY_REQUESTS"] as const;
type KnownCode = (typeof KNOWN)[number];
const isKnown = (code: TRPCErrorCode | null): code is KnownCode => KNOWN.includes(code as KnownCode);

/** A failed action, said in the agent's language, with the server's own words as details. */
export function CallError({ error }: { error: unknown }) {
  const t = useTranslations("agent.errors");
  if (!error) return null;
  const failure = readTRPCError(error);
  const code = isKnown(failure.code) ? failure.code : null;
  return (
    <div role="alert" className="flex gap-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      <CircleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
      <div>
        <p className="font-medium">{code ? t(code) : t("generic")}</p>
        {failure.message && failure.code !== "BAD_REQUEST" && (
          <p className="mt-0.5 text-red-800">{t("details", { message: failure.message })}</p>
        )}
      </div>
    </div>
  );
}
