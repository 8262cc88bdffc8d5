"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { CallError } from "./call-error";

type AgentRequest = RouterOutputs["agent"]["request"];

/** Who holds the request, and claim / release / transfer. */
export function AssignmentBar({ request, meId }: { request: AgentRequest; meId: string | null }) {
  const t = useTranslations("agent.request");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [isTransferOpen, setIsTransferOpen] = useState(false);
  const [toAgentId, setToAgentId] = useState("");
  const [note, setNote] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.agent.pathFilter());
  const agents = useQuery({ ...trpc.agent.agents.queryOptions(), enabled: isTransferOpen });
  const claim = useMutation(
    trpc.agent.claim.mutationOptions({ onSuccess: () => setDone(t("claimed")), onSettled: refresh }),
  );
  const release = useMutation(
    trpc.agent.release.mutationOptions({ onSuccess: () => setDone(t("released")), onSettled: refresh }),
  );
  const transfer = useMutation(
    trpc.agent.transfer.mutationOptions({
      onSuccess: () => {
        setDone(t("transferred"));
        setIsTransferOpen(false);
        setNote("");
      },
      onSettled: refresh,
    }),
  );
  const isDone = request.status === "RESOLVED" || request.status === "CLOSED";
  const error = claim.error ?? release.error ?? transfer.error;

  return (
    <section aria-label={t("holder")} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="flex items-center gap-2 text-sm">
          <UserRound aria-hidden="true" className="size-4 text-slate-600" />
          <span className="text-slate-600">{t("holder")}:</span>
          <strong data-testid="request-holder">{request.assignedTo?.name ?? "—"}</strong>
        </p>
        {!isDone && (
          <div className="flex flex-wrap gap-2">
            {!request.assignedTo && (
              <button
                type="button"
                onClick={() => claim.mutate({ requestId: request.id })}
                disabled={claim.isPending}
                className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
              >
                {claim.isPending && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
                {t("claim")}
              </button>
            )}
            {request.assignedTo && (request.assignedTo.id === meId || request.isMine) && (
              <button
                type="button"
                onClick={() => release.mutate({ requestId: request.id })}
                disabled={release.isPending}
                className="min-h-11 rounded-lg border border-slate-300 px-4 font-medium hover:bg-slate-100 disabled:opacity-60"
              >
                {t("release")}
              </button>
            )}
            {request.assignedTo && (
              <button
                type="button"
                aria-expanded={isTransferOpen}
                aria-controls={`${id}-transfer`}
                onClick={() => setIsTransferOpen((open) => !open)}
                className="min-h-11 rounded-lg border border-slate-300 px-4 font-medium hover:bg-slate-100"
              >
                {t("transfer")}
              </button>
            )}
          </div>
        )}
      </div>
      {isTransferOpen && (
        <form
          id={`${id}-transfer`}
          className="mt-3 grid gap-3 border-t border-slate-100 pt-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            if (toAgentId) transfer.mutate({ requestId: request.id, toAgentId, note: note.trim() || undefined });
          }}
        >
          <div>
            <label htmlFor={`${id}-agent`} className="block text-sm font-medium">
              {t("transferTo")}
            </label>
            <select
              id={`${id}-agent`}
              required
              value={toAgentId}
              onChange={(event) => setToAgentId(event.target.value)}
              className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-2"
            >
              <option value="">{t("chooseAgent")}</option>
              {agents.data
                ?.filter((agent) => agent.id !== request.assignedTo?.id)
                .map((agent) => (
                  <option key={agent.id} value={agent.id}>
                    {agent.name}
                  </option>
                ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-note`} className="block text-sm font-medium">
              {t("transferNote")}
            </label>
            <input
              id={`${id}-note`}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              maxLength={2000}
              className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 px-3"
            />
          </div>
          <button
            type="submit"
            disabled={!toAgentId || transfer.isPending}
            className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {t("transferSubmit")}
          </button>
        </form>
      )}
      {error && (
        <div className="mt-3">
          <CallError error={error} />
        </div>
      )}
      {done && !error && (
        <p role="status" className="mt-2 text-sm font-medium text-emerald-800">
          {done}
        </p>
      )}
    </section>
  );
}
