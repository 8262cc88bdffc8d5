"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { useTRPC } from "@/app/_trpc/react";
import { CallError } from "./call-error";
import { DialogActions, DialogDone } from "@/app/_components/dialog-actions";
import { Modal } from "@/app/_components/modal";

type Action = "BLOCK" | "UNBLOCK" | "SUSPEND" | "RESUME";
type Reason = "LOST" | "STOLEN" | "OTHER";

/** The actions the line's status allows: the same ones the subscriber has on their dashboard. */
export function actionsFor(status: string): Action[] {
  if (status === "ACTIVE") return ["BLOCK", "SUSPEND"];
  if (status === "BLOCKED") return ["UNBLOCK"];
  if (status === "SUSPENDED") return ["RESUME", "BLOCK"];
  return [];
}

function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

/** Block, unblock, suspend or resume a customer's line for the caller: sent to the network, audited. */
export function LineActionsDialog({
  line,
  onClose,
}: {
  line: { id: string; label: string; status: string };
  onClose: () => void;
}) {
  const t = useTranslations("agent.lineControls");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const actions = actionsFor(line.status);
  const [action, setAction] = useState<Action>(actions[0] ?? "BLOCK");
  const [reason, setReason] = useState<Reason>("LOST");
  const [until, setUntil] = useState(tomorrow());
  const { key: idempotencyKey } = useIdempotencyKey(`line-${action}`);
  const run = useMutation(
    trpc.agent.lineAction.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.agent.pathFilter()),
    }),
  );

  const submit = () => {
    if (action === "BLOCK") run.mutate({ action, lineId: line.id, reason, idempotencyKey });
    else if (action === "SUSPEND") run.mutate({ action, lineId: line.id, until, idempotencyKey });
    else run.mutate({ action, lineId: line.id, idempotencyKey });
  };

  return (
    <Modal isOpen onClose={onClose} title={t("title", { line: line.label })}>
      {run.isSuccess ? (
        <DialogDone message={t("sent", { action: t(`action.${action}`) })} closeLabel={t("close")} onClose={onClose} />
      ) : (
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <fieldset>
            <legend className="text-sm font-medium">{t("choose")}</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {actions.map((option) => (
                <label
                  key={option}
                  className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                >
                  <input
                    type="radio"
                    name={`${id}-action`}
                    value={option}
                    checked={action === option}
                    onChange={() => setAction(option)}
                  />
                  {t(`action.${option}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {action === "BLOCK" && (
            <div>
              <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
                {t("reason")}
              </label>
              <select
                id={`${id}-reason`}
                value={reason}
                onChange={(event) => setReason(event.target.value as Reason)}
                className="mt-1 min-h-11 w-full rounded-lg border border-slate-300 px-3"
              >
                {(["LOST", "STOLEN", "OTHER"] as const).map((value) => (
                  <option key={value} value={value}>
                    {t(`reasons.${value}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {action === "SUSPEND" && (
            <div>
              <label htmlFor={`${id}-until`} className="block text-sm font-medium">
                {t("until")}
              </label>
              <input
                id={`${id}-until`}
                type="date"
                required
                min={tomorrow()}
                value={until}
                onChange={(event) => setUntil(event.target.value)}
                className="mt-1 min-h-11 w-full rounded-lg border border-slate-300 px-3"
              />
            </div>
          )}
          <p className="text-sm text-slate-700">{t(`explain.${action}`)}</p>
          <CallError error={run.error} />
          <DialogActions
            pending={run.isPending}
            submitLabel={t("submit")}
            pendingLabel={t("sending")}
            cancelLabel={t("close")}
            onCancel={onClose}
          />
        </form>
      )}
    </Modal>
  );
}
