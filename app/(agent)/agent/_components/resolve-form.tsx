"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useTRPC } from "@/app/_trpc/react";
import { RESOLUTION_CODES, type ResolutionCode } from "@/server/domain/agent/agent.schema";
import { CallError } from "./call-error";

// Messages are translation keys of "agent.resolve".
const resolveFormSchema = z.object({
  resolutionCode: z
    .string()
    .refine((code): code is ResolutionCode => (RESOLUTION_CODES as readonly string[]).includes(code), "codeRequired"),
  note: z.string().trim().min(1, "noteRequired").max(2000, "noteRequired"),
});
type ResolveForm = z.input<typeof resolveFormSchema>;

/** Resolution with a code and a note the customer sees. */
export function ResolveForm({ requestId }: { requestId: string }) {
  const t = useTranslations("agent");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [isDone, setIsDone] = useState(false);
  const form = useForm<ResolveForm, unknown, z.output<typeof resolveFormSchema>>({
    resolver: zodResolver(resolveFormSchema),
    defaultValues: { resolutionCode: "", note: "" },
  });
  const resolve = useMutation(
    trpc.agent.resolve.mutationOptions({
      onSuccess: () => setIsDone(true),
      onSettled: () => queryClient.invalidateQueries(trpc.agent.pathFilter()),
    }),
  );
  const onSubmit = form.handleSubmit((values) =>
    resolve.mutate({ requestId, resolutionCode: values.resolutionCode as ResolutionCode, note: values.note }),
  );
  const { errors } = form.formState;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-2xl border border-emerald-200 bg-white p-4 shadow-sm"
    >
      <h2 id={`${id}-title`} className="flex items-center gap-2 text-base font-semibold">
        <CircleCheck aria-hidden="true" className="size-5 text-emerald-700" />
        {t("resolve.title")}
      </h2>
      <div>
        <label htmlFor={`${id}-code`} className="block text-sm font-medium">
          {t("resolve.code")}
        </label>
        <select
          id={`${id}-code`}
          {...form.register("resolutionCode")}
          aria-invalid={errors.resolutionCode ? true : undefined}
          aria-describedby={errors.resolutionCode ? `${id}-code-error` : undefined}
          className={`mt-1.5 block min-h-11 w-full rounded-lg border bg-white px-2 ${errors.resolutionCode ? "border-red-600" : "border-slate-400"}`}
        >
          <option value="">{t("resolve.chooseCode")}</option>
          {RESOLUTION_CODES.map((code) => (
            <option key={code} value={code}>
              {t(`resolution.${code}`)}
            </option>
          ))}
        </select>
        {errors.resolutionCode && (
          <p id={`${id}-code-error`} className="mt-1 text-sm font-medium text-red-700">
            {t("resolve.codeRequired")}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-note`} className="block text-sm font-medium">
          {t("resolve.note")}
        </label>
        <p id={`${id}-note-hint`} className="text-xs text-slate-600">
          {t("resolve.noteHint")}
        </p>
        <textarea
          id={`${id}-note`}
          rows={3}
          {...form.register("note")}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={[`${id}-note-hint`, errors.note ? `${id}-note-error` : ""].filter(Boolean).join(" ")}
          className={`mt-1.5 block w-full rounded-lg border bg-white px-3 py-2 text-base ${errors.note ? "border-red-600" : "border-slate-400"}`}
        />
        {errors.note && (
          <p id={`${id}-note-error`} className="mt-1 text-sm font-medium text-red-700">
            {t("resolve.noteRequired")}
          </p>
        )}
      </div>
      {resolve.error && <CallError error={resolve.error} />}
      {isDone && (
        <p role="status" className="text-sm font-medium text-emerald-800">
          {t("resolve.done")}
        </p>
      )}
      <button
        type="submit"
        disabled={resolve.isPending}
        className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-emerald-700 px-4 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
      >
        {resolve.isPending && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
        {resolve.isPending ? t("resolve.submitting") : t("resolve.submit")}
      </button>
    </form>
  );
}
