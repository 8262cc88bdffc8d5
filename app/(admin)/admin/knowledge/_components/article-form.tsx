"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { ArticleBody } from "@/app/(subscriber)/requests/_components/article-body";
import { useServerErrors } from "@/app/_lib/form-errors";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { useTRPC } from "@/app/_trpc/react";
import { ARTICLE_SLUG, articleContentSchema } from "@/server/domain/admin/admin.schema";
import { CATEGORIES } from "@/server/domain/routing/policy.schema";
import { INPUT, PRIMARY_BUTTON } from "../../_components/buttons";
import { Field } from "../../_components/field";
import { Notice, type Outcome } from "../../_components/notice";
import { validationKey } from "../../_lib/validation";

const formSchema = articleContentSchema.extend({
  slug: z
    .string()
    .trim()
    .min(3, "At least 3 characters")
    .max(120)
    .regex(ARTICLE_SLUG, "Lower-case Latin letters, digits and single hyphens"),
});
type ArticleFormValues = z.infer<typeof formSchema>;

export type ArticleDraft = Omit<ArticleFormValues, "categories"> & { categories: ArticleFormValues["categories"] };

const TEXT_FIELDS = new Set(["title", "summary", "body", "slug"]);

/**
 * One language version of an article: title, summary, body, categories and publication, with a
 * preview as subscribers see it. Creates the version when `articleId` is absent, edits it otherwise.
 */
export function ArticleForm({
  locale,
  initial,
  articleId,
  isSlugEditable,
  fromRequestId,
  onSaved,
}: {
  locale: "ru" | "en";
  initial: ArticleDraft;
  articleId?: string;
  isSlugEditable: boolean;
  fromRequestId?: string;
  onSaved: (saved: { slug: string; id: string }) => void;
}) {
  const t = useTranslations("admin.knowledge.editor");
  const tCommon = useTranslations("admin.common");
  const tCategories = useTranslations("admin.categories");
  const trpc = useTRPC();
  const form = useForm<ArticleFormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: initial,
    mode: "onTouched",
  });
  const { register, control, handleSubmit, formState } = form;
  const placeServerErrors = useServerErrors(form);
  const [view, setView] = useState<"edit" | "preview">("edit");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { key: idempotencyKey } = useIdempotencyKey("article");
  const create = useMutation(trpc.admin.knowledge.create.mutationOptions());
  const update = useMutation(trpc.admin.knowledge.update.mutationOptions());
  const preview = useWatch({ control }) as ArticleFormValues;
  const isPending = create.isPending || update.isPending;
  const prefix = `${locale}-article`;

  const message = (name: keyof ArticleFormValues) => {
    const key = validationKey(formState.errors[name] as { type?: string; message?: string } | undefined, {
      isText: TEXT_FIELDS.has(name),
    });
    if (name === "slug" && formState.errors.slug?.type === "server") return t("slugTaken");
    return key ? tCommon(`validation.${key}`) : undefined;
  };

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    try {
      const { slug, ...content } = values;
      const saved = articleId
        ? await update.mutateAsync({ id: articleId, ...content })
        : await create.mutateAsync({ ...content, slug, locale, fromRequestId, idempotencyKey });
      setOutcome({ tone: "success", text: articleId ? t("saved") : t("created") });
      onSaved({ slug: saved.slug, id: saved.id });
    } catch (error) {
      const { code, placed, message: refusal } = placeServerErrors(error);
      setOutcome({
        tone: "error",
        text:
          code === "CONFLICT"
            ? t("slugTaken")
            : placed.length
              ? tCommon("checkFields")
              : code === "BAD_REQUEST"
                ? tCommon("refused", { message: refusal })
                : tCommon("unexpected"),
      });
    }
  });

  return (
    <div className="space-y-4">
      {outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}
      <div className="flex gap-2 lg:hidden" role="group" aria-label={t("viewLabel")}>
        {(["edit", "preview"] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            aria-pressed={view === mode}
            onClick={() => setView(mode)}
            className={`min-h-11 rounded-lg px-4 font-medium ${view === mode ? "bg-brand-600 text-white" : "border border-slate-300 bg-white"}`}
          >
            {t(mode)}
          </button>
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <form
          noValidate
          onSubmit={onSubmit}
          aria-busy={isPending}
          className={`space-y-4 ${view === "preview" ? "hidden lg:block" : ""}`}
          lang={locale}
        >
          <Field id={`${prefix}-slug`} label={t("slug")} hint={t("slugHint")} error={message("slug")}>
            {(props) => (
              <input
                {...props}
                {...register("slug")}
                disabled={!isSlugEditable}
                autoComplete="off"
                spellCheck={false}
                className={`${INPUT} disabled:bg-slate-100`}
              />
            )}
          </Field>
          <Field id={`${prefix}-title`} label={t("articleTitle")} error={message("title")}>
            {(props) => <input {...props} {...register("title")} className={INPUT} />}
          </Field>
          <Field id={`${prefix}-summary`} label={t("summary")} hint={t("summaryHint")} error={message("summary")}>
            {(props) => <textarea {...props} {...register("summary")} rows={2} className={`${INPUT} py-2`} />}
          </Field>
          <Field id={`${prefix}-body`} label={t("body")} hint={t("bodyHint")} error={message("body")}>
            {(props) => (
              <textarea {...props} {...register("body")} rows={14} className={`${INPUT} py-2 font-mono text-sm`} />
            )}
          </Field>
          <Controller
            control={control}
            name="categories"
            render={({ field }) => (
              <fieldset aria-describedby={formState.errors.categories ? `${prefix}-categories-error` : undefined}>
                <legend className="text-sm font-medium">{t("categories")}</legend>
                <div className="mt-1 grid grid-cols-1 gap-x-4 sm:grid-cols-2">
                  {CATEGORIES.map((category) => (
                    <label key={category} className="flex min-h-11 items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        className="size-4 accent-brand-600"
                        checked={field.value.includes(category)}
                        onChange={(event) =>
                          field.onChange(
                            event.target.checked
                              ? [...field.value, category]
                              : field.value.filter((value) => value !== category),
                          )
                        }
                      />
                      {tCategories(category)}
                    </label>
                  ))}
                </div>
                {message("categories") && (
                  <p id={`${prefix}-categories-error`} className="mt-1 text-sm font-medium text-red-700">
                    {message("categories")}
                  </p>
                )}
              </fieldset>
            )}
          />
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" className="size-4 accent-brand-600" {...register("published")} />
            {t("publishedLabel")}
          </label>
          <button type="submit" disabled={isPending} className={PRIMARY_BUTTON}>
            {isPending && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
            {articleId ? t("save") : t("create")}
          </button>
        </form>

        <section
          aria-label={t("preview")}
          className={`rounded-2xl border border-dashed border-slate-300 bg-white p-4 ${view === "edit" ? "hidden lg:block" : ""}`}
          lang={locale}
        >
          <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{t("previewTitle")}</p>
          <h3 className="mt-2 text-xl font-semibold">{preview.title || t("untitled")}</h3>
          {preview.summary && <p className="mt-1 text-slate-700">{preview.summary}</p>}
          <div className="mt-3">
            <ArticleBody body={preview.body ?? ""} />
          </div>
        </section>
      </div>
    </div>
  );
}
