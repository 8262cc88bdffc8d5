"use client";

import { useMutation } from "@tanstack/react-query";
import { CircleAlert, LoaderCircle, Send } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatTime } from "@/app/_lib/format";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { MESSAGE_MAX } from "@/server/domain/request/request.schema";
import type { RequestDetailData } from "../_lib/request-types";
import { LocalTime } from "./local-time";

type Bubble = { id: string; isMine: boolean; author: string; body: string; at: Date };

function MessageBubble({ bubble }: { bubble: Bubble }) {
  return (
    <li className={`flex ${bubble.isMine ? "justify-end" : "justify-start"}`}>
      <div
        className={`max-w-[85%] rounded-2xl px-4 py-3 ${bubble.isMine ? "rounded-br-sm bg-brand-600 text-white" : "rounded-bl-sm bg-slate-100 text-slate-900"}`}
      >
        <p className={`text-xs font-semibold ${bubble.isMine ? "text-brand-100" : "text-slate-600"}`}>
          {bubble.author} · <LocalTime date={bubble.at} />
        </p>
        <p className="mt-1 break-words whitespace-pre-line">{bubble.body}</p>
      </div>
    </li>
  );
}

/** The description and every public message, and a reply box while a person handles the request. */
export function Conversation({ request, onChanged }: { request: RequestDetailData; onChanged: () => Promise<void> }) {
  const t = useTranslations("requests.detail");
  const locale = useLocale();
  const trpc = useTRPC();
  const [body, setBody] = useState("");
  const messageKey = useIdempotencyKey("message");
  const send = useMutation(
    trpc.request.addMessage.mutationOptions({
      onSuccess: async () => {
        setBody("");
        messageKey.renew();
        await onChanged();
      },
      onError: (error) => {
        // Kept in the outbox offline: it goes by itself once the network returns, like a sent one.
        if (!readTRPCError(error).isQueued) return;
        setBody("");
        messageKey.renew();
      },
    }),
  );
  const bubbles: Bubble[] = [
    { id: "description", isMine: true, author: t("you"), body: request.description, at: request.createdAt },
    ...request.messages.map((message) => ({
      id: message.id,
      isMine: message.isMine || message.authorKind === "CUSTOMER",
      author:
        message.authorKind === "CUSTOMER"
          ? t("you")
          : message.authorKind === "SYSTEM"
            ? t("system")
            : (message.authorName ?? t("specialist")),
      body: message.body,
      at: message.createdAt,
    })),
  ];
  const failure = send.isError ? readTRPCError(send.error) : null;
  const trimmed = body.trim();
  const isTooLong = body.length > MESSAGE_MAX;

  return (
    <section
      aria-labelledby="conversation-title"
      className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id="conversation-title" className="text-sm font-medium text-slate-600">
        {t("conversationTitle")}
      </h2>
      <ol className="mt-3 space-y-3" data-testid="conversation">
        {bubbles.map((bubble) => (
          <MessageBubble key={bubble.id} bubble={bubble} />
        ))}
      </ol>
      {request.messages.length === 0 &&
        request.status !== "SELF_SERVICE" &&
        !["RESOLVED", "CLOSED"].includes(request.status) && (
          <p className="mt-3 text-sm text-slate-600">{t("noMessages")}</p>
        )}
      {request.can.addMessage && (
        <form
          className="mt-4 border-t border-slate-100 pt-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (!trimmed || isTooLong || send.isPending) return;
            send.mutate({ requestId: request.id, body: trimmed, idempotencyKey: messageKey.key });
          }}
        >
          <label htmlFor="message" className="block text-sm font-medium text-slate-900">
            {t("messageLabel")}
          </label>
          <textarea
            id="message"
            rows={3}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            aria-invalid={isTooLong ? true : undefined}
            className={`mt-1.5 block w-full rounded-lg border bg-white px-3 py-2 text-base shadow-xs focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none ${isTooLong ? "border-red-600" : "border-slate-400"}`}
          />
          {failure && !failure.isQueued && (
            <p role="alert" className="mt-2 flex items-center gap-2 text-sm font-medium text-red-700">
              <CircleAlert aria-hidden="true" className="size-4 shrink-0" />
              {failure.code === "TOO_MANY_REQUESTS"
                ? t("messageThrottled", { time: formatTime(failure.retryAt ?? new Date(), locale) })
                : t("messageError")}
            </p>
          )}
          <button
            type="submit"
            disabled={!trimmed || isTooLong || send.isPending}
            className="mt-3 inline-flex min-h-11 items-center gap-2 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600"
          >
            {send.isPending ? (
              <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
            ) : (
              <Send aria-hidden="true" className="size-4" />
            )}
            {send.isPending ? t("sending") : t("send")}
          </button>
        </form>
      )}
    </section>
  );
}
