"use client";

import { Bot, Headset, Lock, UserRound } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import type { RouterOutputs } from "@/app/_trpc/types";

type AgentRequest = RouterOutputs["agent"]["request"];

/** The whole conversation as agents see it: internal notes included, marked and tinted. */
export function Conversation({ request }: { request: AgentRequest }) {
  const t = useTranslations("agent.request");
  const format = useFormatter();
  if (request.messages.length === 0) return <p className="text-sm text-slate-600">{t("noMessages")}</p>;
  return (
    <ol className="space-y-3">
      {request.messages.map((message) => {
        const isAgent = message.authorKind === "AGENT";
        const Icon = message.authorKind === "SYSTEM" ? Bot : isAgent ? Headset : UserRound;
        const author =
          message.authorKind === "SYSTEM"
            ? t("authorSystem")
            : isAgent
              ? (message.author?.name ?? "—")
              : (message.author?.name ?? t("authorCustomer"));
        return (
          <li
            key={message.id}
            data-internal={message.internal ? "true" : undefined}
            className={`rounded-xl border p-3 ${
              message.internal
                ? "border-amber-300 bg-amber-50"
                : isAgent
                  ? "ml-4 border-brand-100 bg-brand-50 sm:ml-10"
                  : "mr-4 border-slate-200 bg-white sm:mr-10"
            }`}
          >
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-700">
              <Icon aria-hidden="true" className="size-3.5" />
              <span className="font-semibold text-slate-900">{author}</span>
              <time dateTime={message.createdAt.toISOString()}>
                {format.dateTime(message.createdAt, { dateStyle: "short", timeStyle: "short" })}
              </time>
              {message.internal && (
                <span className="inline-flex items-center gap-1 rounded-full bg-amber-200 px-2 py-0.5 font-semibold text-amber-950">
                  <Lock aria-hidden="true" className="size-3" />
                  {t("internalBadge")}
                </span>
              )}
            </p>
            <p className="mt-1 text-sm whitespace-pre-line break-words">{message.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
