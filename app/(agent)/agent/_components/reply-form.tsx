"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, Lock, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { useTRPC } from "@/app/_trpc/react";
import { CallError } from "./call-error";

// Messages are translation keys of "agent.reply".
const replyFormSchema = z.object({
  body: z.string().trim().min(1, "required").max(5000, "tooLong"),
  internal: z.boolean(),
  waitForCustomer: z.boolean(),
});
type ReplyForm = z.infer<typeof replyFormSchema>;

/** The agent's reply: to the customer, or an internal note; canned responses fill it in. */
export function ReplyForm({
  requestId,
  customerLocale,
  isClosed,
}: {
  requestId: string;
  customerLocale: string;
  isClosed: boolean;
}) {
  const t = useTranslations("agent.reply");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [cannedLocale, setCannedLocale] = useState<"ru" | "en">(customerLocale === "en" ? "en" : "ru");
  const [missing, setMissing] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  // One key per message the agent means to send: a retry after a failure reuses it.
  const idempotencyKey = useIdempotencyKey("reply");

  const form = useForm<ReplyForm>({
    resolver: zodResolver(replyFormSchema),
    defaultValues: { body: "", internal: isClosed, waitForCustomer: false },
  });
  const isInternal = useWatch({ control: form.control, name: "internal" });
  const canned = useQuery(
    trpc.agent.cannedResponses.queryOptions({ requestId, locale: cannedLocale }, { staleTime: 5 * 60_000 }),
  );

  const reply = useMutation(
    trpc.agent.reply.mutationOptions({
      onSuccess: (message) => {
        setDone(message.internal ? t("noteAdded") : t("sent"));
        form.reset({ body: "", internal: isClosed, waitForCustomer: false });
        setMissing([]);
        idempotencyKey.renew();
      },
      onSettled: () => queryClient.invalidateQueries(trpc.agent.pathFilter()),
    }),
  );

  const onSubmit = form.handleSubmit((values) => {
    setDone(null);
    reply.mutate({
      requestId,
      body: values.body,
      internal: values.internal,
      waitForCustomer: values.internal ? undefined : values.waitForCustomer,
      idempotencyKey: idempotencyKey.key,
    });
  });

  const bodyError = form.formState.errors.body?.message;
  const errorId = `${id}-body-error`;
  const hintId = `${id}-internal-hint`;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {t("title")}
      </h2>

      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={`${id}-canned`} className="block text-xs font-semibold text-slate-700">
            {t("canned")}
          </label>
          <select
            id={`${id}-canned`}
            value=""
            onChange={(event) => {
              const item = canned.data?.items.find((candidate) => candidate.id === event.target.value);
              if (!item) return;
              form.setValue("body", item.body, { shouldValidate: true, shouldDirty: true });
              setMissing(item.missing);
            }}
            className="mt-1 block min-h-11 w-full rounded-lg border border-slate-400 bg-white px-2 text-sm"
          >
            <option value="">{t("cannedNone")}</option>
            {canned.data?.items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-canned-locale`} className="block text-xs font-semibold text-slate-700">
            {t("cannedLanguage")}
          </label>
          <select
            id={`${id}-canned-locale`}
            value={cannedLocale}
            onChange={(event) => setCannedLocale(event.target.value === "en" ? "en" : "ru")}
            className="mt-1 block min-h-11 rounded-lg border border-slate-400 bg-white px-2 text-sm"
          >
            <option value="ru">Русский</option>
            <option value="en">English</option>
          </select>
        </div>
      </div>

      <div>
        <label htmlFor={`${id}-body`} className="block text-sm font-medium">
          {t("label")}
        </label>
        <textarea
          id={`${id}-body`}
          rows={5}
          {...form.register("body")}
          placeholder={isInternal ? t("placeholderInternal") : t("placeholderPublic")}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={bodyError ? errorId : undefined}
          className={`mt-1.5 block w-full rounded-lg border px-3 py-2 text-base ${isInternal ? "border-amber-400 bg-amber-50" : "border-slate-400 bg-white"} ${bodyError ? "border-red-600" : ""}`}
        />
        {bodyError && (
          <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
            {t(bodyError as "required")}
          </p>
        )}
        {missing.length > 0 && (
          <p className="mt-1 text-sm font-medium text-amber-800">{t("cannedMissing", { names: missing.join(", ") })}</p>
        )}
      </div>

      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-6">
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input
            type="checkbox"
            {...form.register("internal")}
            disabled={isClosed}
            aria-describedby={hintId}
            className="size-5 accent-amber-600"
          />
          <Lock aria-hidden="true" className="size-4 text-amber-700" />
          {t("internal")}
        </label>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input
            type="checkbox"
            {...form.register("waitForCustomer")}
            disabled={isInternal}
            className="size-5 accent-brand-600"
          />
          {t("waitForCustomer")}
        </label>
      </div>
      <p id={hintId} className="text-xs text-slate-600">
        {t("internalHint")}
      </p>

      {reply.error && <CallError error={reply.error} />}
      {done && (
        <p role="status" className="text-sm font-medium text-emerald-800">
          {done}
        </p>
      )}

      <button
        type="submit"
        disabled={reply.isPending}
        className={`inline-flex min-h-11 items-center gap-2 rounded-lg px-4 font-semibold text-white disabled:opacity-60 ${isInternal ? "bg-amber-700 hover:bg-amber-800" : "bg-brand-600 hover:bg-brand-700"}`}
      >
        {reply.isPending ? (
          <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
        ) : (
          <Send aria-hidden="true" className="size-4" />
        )}
        {reply.isPending ? t("sending") : isInternal ? t("sendNote") : t("send")}
      </button>
    </form>
  );
}
