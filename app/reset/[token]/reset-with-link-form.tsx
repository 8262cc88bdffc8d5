"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { CircleAlert, CircleCheck, LoaderCircle } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormField } from "@/app/(partner)/partner/_components/form-field";
import { useServerErrors } from "@/app/_lib/form-errors";
import { passwordMessageKey } from "@/app/_lib/password-messages";
import { useTRPC } from "@/app/_trpc/react";
import { newPasswordSchema } from "@/server/domain/identity/password.schema";

const linkForm = z.object({ newPassword: newPasswordSchema });
type LinkForm = z.infer<typeof linkForm>;

export function ResetWithLinkForm({ token }: { token: string }) {
  const t = useTranslations("signIn.reset");
  const tForgot = useTranslations("signIn.forgot");
  const trpc = useTRPC();
  const reset = useMutation(trpc.auth.resetPasswordWithLink.mutationOptions());
  const [state, setState] = useState<"form" | "done" | "invalid" | "failed">("form");
  const form = useForm<LinkForm>({ resolver: zodResolver(linkForm), defaultValues: { newPassword: "" } });
  const placeServerErrors = useServerErrors(form);

  const onSubmit = form.handleSubmit(async ({ newPassword }) => {
    setState("form");
    try {
      await reset.mutateAsync({ token, newPassword });
      setState("done");
    } catch (error) {
      const placed = placeServerErrors(error);
      if (placed.fields.token) setState("invalid");
      else if (!placed.placed.length) setState("failed");
    }
  });

  const message = form.formState.errors.newPassword?.message;
  const key = passwordMessageKey(message);
  const fieldError = message ? tForgot(key === "tooLong" || key === "common" ? key : "tooShort") : undefined;

  if (state === "done") {
    return (
      <div role="status" className="mt-6 rounded-2xl border border-emerald-200 bg-emerald-50 p-5 text-emerald-950">
        <p className="flex items-center gap-2 font-semibold">
          <CircleCheck aria-hidden="true" className="size-5" />
          {t("done")}
        </p>
        <Link
          href="/sign-in"
          className="mt-3 inline-flex min-h-11 items-center font-semibold text-brand-700 hover:underline"
        >
          {t("signIn")}
        </Link>
      </div>
    );
  }

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-busy={reset.isPending}
      className="mt-6 space-y-5 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
    >
      {(state === "invalid" || state === "failed") && (
        <div role="alert" className="flex gap-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
          <p>{state === "invalid" ? t("invalidLink") : t("failed")}</p>
        </div>
      )}
      <FormField
        id="link-new-password"
        label={t("newPassword")}
        hint={t("newPasswordHint")}
        error={fieldError}
        isRequired
      >
        {(props) => <input {...props} {...form.register("newPassword")} type="password" autoComplete="new-password" />}
      </FormField>
      <button
        type="submit"
        disabled={reset.isPending}
        className="flex min-h-12 w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 text-base font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:bg-brand-500"
      >
        {reset.isPending && <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />}
        {t("submit")}
      </button>
    </form>
  );
}
