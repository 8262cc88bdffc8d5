"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, RotateCw } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/app/_trpc/react";
import { CallError } from "./call-error";

type Command = { id: string; kind: string; status: string; lastError: string | null; createdAt: Date };

/** The network's side of a line: commands in progress, and those that need an agent, with a retry. */
export function NetworkCommands({ commands, label }: { commands: Command[]; label: string }) {
  const t = useTranslations("agent.lineControls");
  const format = useFormatter();
  if (commands.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1" aria-label={t("commandsFor", { line: label })}>
      {commands.map((command) => (
        <li key={command.id} className="text-sm">
          {command.status === "NEEDS_AGENT" ? (
            <StuckCommand command={command} />
          ) : (
            <span className="text-amber-800">
              {t("inProgress", {
                kind: t(`kind.${command.kind}` as "kind.BLOCK"),
                since: format.dateTime(command.createdAt, { timeStyle: "short" }),
              })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function StuckCommand({ command }: { command: Pick<Command, "id" | "kind" | "lastError"> }) {
  const t = useTranslations("agent.lineControls");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.agent.retryProvisioning.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.agent.pathFilter()),
    }),
  );
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 p-2 text-red-900">
      <p className="font-medium">{t("stuck", { kind: t(`kind.${command.kind}` as "kind.BLOCK") })}</p>
      {command.lastError && <p className="text-xs">{t("lastError", { error: command.lastError })}</p>}
      <button
        type="button"
        disabled={retry.isPending || retry.isSuccess}
        onClick={() => retry.mutate({ commandId: command.id })}
        className="mt-1 inline-flex min-h-11 items-center gap-2 rounded-lg border border-red-300 bg-white px-3 font-medium hover:bg-red-100 disabled:opacity-50"
      >
        {retry.isPending ? (
          <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
        ) : (
          <RotateCw aria-hidden="true" className="size-4" />
        )}
        {retry.isSuccess ? t("retried") : t("retry")}
      </button>
      <CallError error={retry.error} />
    </div>
  );
}
