"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { AGENT_BUTTON, ConfirmedAction } from "./confirmed-action";

/**
 * A new SIM or eSIM ordered for the customer on the phone (agent.replaceSim, audited). The agent
 * never sees the eSIM code: the subscriber opens it once in their own app.
 */
export function SimReplaceOnBehalf({ lineId, label }: { lineId: string; label: string }) {
  const t = useTranslations("agent.sim");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const [kind, setKind] = useState<"ESIM" | "PHYSICAL">("ESIM");
  const [failure, setFailure] = useState<string | null>(null);
  const { key, renew } = useIdempotencyKey("agent-sim");
  const status = useQuery({ ...trpc.agent.simStatus.queryOptions({ lineId }), enabled: isOpen });
  const replace = useMutation(trpc.agent.replaceSim.mutationOptions());

  async function order() {
    setFailure(null);
    try {
      await replace.mutateAsync({ lineId, kind, idempotencyKey: key });
      renew();
      await queryClient.invalidateQueries(trpc.agent.simStatus.queryFilter({ lineId }));
    } catch (error) {
      setFailure(readTRPCError(error).code === "CONFLICT" ? t("conflict") : t("failed"));
    }
  }

  if (!isOpen) {
    return (
      <button
        type="button"
        onClick={() => setIsOpen(true)}
        aria-label={`${t("open")}: ${label}`}
        className={`${AGENT_BUTTON} mt-2 border border-slate-300 hover:bg-slate-100`}
      >
        {t("open")}
      </button>
    );
  }
  const replacement = status.data?.replacement;
  const isOpenReplacement = replacement && ["AWAITING_PICKUP", "READY", "ACTIVATING"].includes(replacement.status);
  return (
    <div
      role="group"
      aria-label={`${t("open")}: ${label}`}
      className="mt-3 space-y-2 rounded-lg bg-slate-50 p-3 text-sm"
    >
      {status.isPending ? (
        <p role="status" className="flex items-center gap-2 text-slate-700">
          <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
          {t("loading")}
        </p>
      ) : status.isError ? (
        <p role="alert" className="text-red-800">
          {t("failed")}
        </p>
      ) : isOpenReplacement ? (
        <>
          <p role="status" className="text-slate-800">
            {t(`state.${replacement.status as "AWAITING_PICKUP" | "READY" | "ACTIVATING"}`, {
              dealer: replacement.pickup?.name ?? "",
            })}
          </p>
          {replacement.status !== "ACTIVATING" && <CancelOnBehalf lineId={lineId} />}
        </>
      ) : !status.data.canReplace ? (
        <p className="text-amber-900">{t("cannot")}</p>
      ) : (
        <>
          <fieldset className="flex flex-wrap gap-3">
            <legend className="sr-only">{t("kind")}</legend>
            {(["ESIM", "PHYSICAL"] as const).map((option) => (
              <label key={option} className="flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name={`sim-kind-${lineId}`}
                  checked={kind === option}
                  onChange={() => setKind(option)}
                  className="size-4"
                />
                {t(`kinds.${option}`)}
              </label>
            ))}
          </fieldset>
          <p className="text-slate-700">{t("preview")}</p>
          {failure && (
            <p role="alert" className="text-red-800">
              {failure}
            </p>
          )}
          <button
            type="button"
            onClick={order}
            disabled={replace.isPending}
            className={`${AGENT_BUTTON} bg-brand-600 text-white hover:bg-brand-700`}
          >
            {t("order")}
          </button>
        </>
      )}
    </div>
  );
}

/**
 * Cancels, after a confirmation, the customer's replacement that has not reached the network yet
 * (agent.cancelSimReplacement, audited): the old SIM keeps working and a new one can be ordered.
 */
function CancelOnBehalf({ lineId }: { lineId: string }) {
  const t = useTranslations("agent.sim");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const { key, renew } = useIdempotencyKey("agent-sim-cancel");
  const cancel = useMutation(trpc.agent.cancelSimReplacement.mutationOptions());

  async function confirm() {
    setFailure(null);
    let isDone = false;
    try {
      await cancel.mutateAsync({ lineId, idempotencyKey: key });
      renew();
      isDone = true;
    } catch (error) {
      setFailure(readTRPCError(error).code === "PRECONDITION_FAILED" ? t("cancelTooLate") : t("failed"));
    }
    await queryClient.invalidateQueries(trpc.agent.simStatus.queryFilter({ lineId }));
    return isDone;
  }

  return (
    <ConfirmedAction
      label={t("cancel")}
      body={t("cancelConfirmBody")}
      confirmLabel={t("cancelConfirm")}
      pendingLabel={t("cancelling")}
      keepLabel={t("cancelKeep")}
      failure={failure}
      isPending={cancel.isPending}
      onConfirm={confirm}
    />
  );
}
