"use client";

import { useMutation } from "@tanstack/react-query";
import { KeyRound, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate } from "@/app/_lib/format";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";

/** A new activation code for a subscriber who lost the slip or let it expire; the old code stops working. */
export function ReissueCodeButton({ orderId }: { orderId: string }) {
  const t = useTranslations("partner.orders");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const reissue = useMutation(trpc.partner.reissueActivationCode.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  // One key per intent: a retry after a lost answer replays it instead of issuing another code.
  const { key: idempotencyKey } = useIdempotencyKey("reissue");

  async function run() {
    if (!window.confirm(t("reissueConfirm"))) return;
    setFailure(null);
    try {
      await reissue.mutateAsync({ orderId, idempotencyKey });
    } catch (error) {
      const { code } = readTRPCError(error);
      setFailure(code === "CONFLICT" ? t("alreadyActivated") : t("reissueFailed"));
      if (code === "CONFLICT") router.refresh();
    }
  }

  if (reissue.data) {
    return (
      <div role="status" className="rounded-lg border border-brand-200 bg-brand-50 p-2">
        <p className="text-xs text-slate-700">{t("newCode")}</p>
        <p className="font-mono text-lg font-bold tracking-widest text-brand-800">{reissue.data.activationCode}</p>
        <p className="text-xs text-slate-700">
          {t("validUntil", { date: formatDate(reissue.data.activationExpiresAt, locale) })}
        </p>
      </div>
    );
  }
  return (
    <div>
      <button
        type="button"
        onClick={() => void run()}
        disabled={reissue.isPending}
        className="inline-flex min-h-11 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-100 disabled:cursor-wait"
      >
        {reissue.isPending ? (
          <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
        ) : (
          <KeyRound aria-hidden="true" className="size-4" />
        )}
        {t("reissue")}
      </button>
      {failure && (
        <p role="alert" className="mt-1 text-xs font-medium text-red-700">
          {failure}
        </p>
      )}
    </div>
  );
}
