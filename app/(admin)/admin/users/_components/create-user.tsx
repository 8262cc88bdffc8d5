"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useServerErrors } from "@/app/_lib/form-errors";
import { newIdempotencyKey } from "@/app/_lib/idempotency-key";
import { useTRPC } from "@/app/_trpc/react";
import { createUserInput, STAFF_ROLES } from "@/server/domain/admin/admin.schema";
import { INPUT, PRIMARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Field } from "../../_components/field";
import { Notice, type Outcome } from "../../_components/notice";
import { validationKey } from "../../_lib/validation";

type FormInput = z.input<typeof createUserInput>;
type FormValues = z.output<typeof createUserInput>;
const EMPTY: FormInput = {
  role: "AGENT",
  name: "",
  email: "",
  password: "",
  locale: "ru",
  partnerId: undefined,
  idempotencyKey: "",
};

/** A new staff account: an agent, a dealer's employee or a supervisor, with a first password. */
export function CreateUser() {
  const t = useTranslations("admin.users");
  const tCommon = useTranslations("admin.common");
  const tRoles = useTranslations("common.roles");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const partners = useQuery(trpc.admin.users.partners.queryOptions());
  const create = useMutation(trpc.admin.users.create.mutationOptions());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const form = useForm<FormInput, unknown, FormValues>({
    resolver: zodResolver(createUserInput),
    defaultValues: { ...EMPTY, idempotencyKey: newIdempotencyKey("user") },
    mode: "onTouched",
  });
  const { register, handleSubmit, formState, reset, control } = form;
  const placeServerErrors = useServerErrors(form);
  const role = useWatch({ control, name: "role" });
  const message = (name: keyof FormInput) => {
    const error = formState.errors[name] as { type?: string; message?: string } | undefined;
    if (error?.type === "server" && name === "email") return t("emailTaken");
    if (name === "partnerId" && error) return t("choosePartner");
    const key = validationKey(error, { isText: name !== "role" });
    return key ? tCommon(`validation.${key}`) : undefined;
  };

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    try {
      const user = await create.mutateAsync({
        ...values,
        partnerId: values.role === "PARTNER" ? values.partnerId : undefined,
      });
      setOutcome({ tone: "success", text: t("created", { name: user.name, email: user.email ?? "" }) });
      reset({ ...EMPTY, idempotencyKey: newIdempotencyKey("user") });
      await queryClient.invalidateQueries({ queryKey: trpc.admin.users.pathKey() });
    } catch (error) {
      const { code, placed, message: refusal } = placeServerErrors(error);
      setOutcome({
        tone: "error",
        text:
          code === "CONFLICT"
            ? t("emailTaken")
            : placed.length
              ? tCommon("checkFields")
              : code === "BAD_REQUEST"
                ? tCommon("refused", { message: refusal })
                : tCommon("unexpected"),
      });
    }
  });

  return (
    <Card id="create-user-title" title={t("createTitle")} description={t("createDescription")}>
      {outcome && (
        <Notice tone={outcome.tone} className="mb-4">
          {outcome.text}
        </Notice>
      )}
      <form noValidate onSubmit={onSubmit} aria-busy={create.isPending} className="grid gap-4 sm:grid-cols-2">
        <Field id="user-role" label={t("role")} error={message("role")}>
          {(props) => (
            <select {...props} {...register("role")} className={INPUT}>
              {STAFF_ROLES.map((value) => (
                <option key={value} value={value}>
                  {tRoles(value)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {role === "PARTNER" && (
          <Field id="user-partner" label={t("partner")} error={message("partnerId")}>
            {(props) => (
              <select
                {...props}
                {...register("partnerId", { setValueAs: (value: string) => value || undefined })}
                className={INPUT}
              >
                <option value="">{t("choosePartner")}</option>
                {partners.data?.map((partner) => (
                  <option key={partner.id} value={partner.id}>
                    {partner.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id="user-name" label={t("name")} error={message("name")}>
          {(props) => <input {...props} {...register("name")} autoComplete="off" className={INPUT} />}
        </Field>
        <Field id="user-email" label={t("email")} error={message("email")}>
          {(props) => (
            <input
              {...props}
              {...register("email")}
              type="email"
              inputMode="email"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              className={INPUT}
            />
          )}
        </Field>
        <Field id="user-password" label={t("password")} hint={t("passwordHint")} error={message("password")}>
          {(props) => (
            <input {...props} {...register("password")} type="password" autoComplete="new-password" className={INPUT} />
          )}
        </Field>
        <Field id="user-locale" label={t("locale")}>
          {(props) => (
            <select {...props} {...register("locale")} className={INPUT}>
              <option value="ru">Русский</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
        <div className="sm:col-span-2">
          <button type="submit" disabled={create.isPending} className={PRIMARY_BUTTON}>
            {create.isPending ? (
              <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
            ) : (
              <UserPlus aria-hidden="true" className="size-4" />
            )}
            {t("create")}
          </button>
        </div>
      </form>
    </Card>
  );
}
