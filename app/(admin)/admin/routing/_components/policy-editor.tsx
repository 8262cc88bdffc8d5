"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, RotateCcw, Save } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useServerErrors } from "@/app/_lib/form-errors";
import { formatDate } from "@/app/_lib/format";
import { newIdempotencyKey } from "@/app/_lib/idempotency-key";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { routingPolicySchema, type RoutingPolicyConfig } from "@/server/domain/routing/policy.schema";
import { INPUT, PRIMARY_BUTTON, SECONDARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Field } from "../../_components/field";
import { Notice, type Outcome, type OutcomeState } from "../../_components/notice";
import { LoadError, LoadingBlock } from "../../_components/query-states";
import { CategoryMatrix } from "./category-matrix";
import { LimitsFields } from "./limits-fields";
import { SlaTable } from "./sla-table";
import { ValueModelFields } from "./value-model-fields";
import { WhatIfPanel, type SegmentBasis } from "./what-if-panel";

/** Key order differs between the stored JSON and the form; compare canonically. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${key}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The routing policy editor: value model, self-service categories, SLA table, limits and costs.
 * The draft's effect on the last 30 days is previewed (what-if) before it can be saved; saving
 * creates a new version.
 */
export function PolicyEditor() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policy = useQuery(trpc.admin.policy.get.queryOptions());
  // Kept here, not in the form: a new version remounts the form, and its confirmation must stay.
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  if (policy.isPending) return <LoadingBlock lines={6} />;
  if (policy.isError) return <LoadError onRetry={() => void policy.refetch()} />;
  // A new version remounts the form with its settings.
  return (
    <PolicyForm
      key={policy.data.version}
      policy={policy.data}
      outcome={outcome}
      setOutcome={setOutcome}
      onSaved={() => queryClient.invalidateQueries({ queryKey: trpc.admin.policy.pathKey() })}
    />
  );
}

function PolicyForm({
  policy,
  outcome,
  setOutcome,
  onSaved,
}: OutcomeState & {
  policy: RouterOutputs["admin"]["policy"]["get"];
  onSaved: () => Promise<void>;
}) {
  const t = useTranslations("admin.routing");
  const tCommon = useTranslations("admin.common");
  const locale = useLocale();
  const trpc = useTRPC();
  const form = useForm<RoutingPolicyConfig>({
    resolver: zodResolver(routingPolicySchema),
    defaultValues: policy.config,
    mode: "onChange",
  });
  // The server names the fields of `config`, which is this form's values.
  const placeServerErrors = useServerErrors(form, { within: "config" });
  const values = useWatch({ control: form.control }) as RoutingPolicyConfig;
  const parsed = useMemo(() => routingPolicySchema.safeParse(values), [values]);
  const draft = parsed.success ? parsed.data : null;
  const isChanged = draft !== null && canonical(draft) !== canonical(policy.config);

  const [segmentBasis, setSegmentBasis] = useState<SegmentBasis>("RESCORED");
  const [whatIfInput, setWhatIfInput] = useState<{ config: RoutingPolicyConfig; segmentBasis: SegmentBasis } | null>(
    null,
  );
  const whatIf = useQuery({
    ...trpc.admin.policy.whatIf.queryOptions(whatIfInput ?? { config: policy.config }),
    enabled: whatIfInput !== null,
    staleTime: 60_000,
  });
  const isWhatIfFresh =
    whatIfInput !== null &&
    draft !== null &&
    canonical(whatIfInput.config) === canonical(draft) &&
    whatIfInput.segmentBasis === segmentBasis;

  const [note, setNote] = useState("");
  const save = useMutation(trpc.admin.policy.save.mutationOptions());
  // One key per draft: retrying the same draft is the same save; another draft is another save.
  const draftText = draft ? canonical(draft) : "";
  const idempotencyKey = useMemo(() => newIdempotencyKey("policy"), [draftText]); // eslint-disable-line react-hooks/exhaustive-deps

  function runWhatIf() {
    if (!draft) return void form.trigger();
    setWhatIfInput({ config: draft, segmentBasis });
  }

  async function onSave() {
    if (!draft || !isWhatIfFresh) return;
    setOutcome(null);
    try {
      const saved = await save.mutateAsync({
        config: draft,
        baseVersion: policy.version,
        note: note.trim() || undefined,
        idempotencyKey,
      });
      setOutcome({
        tone: "success",
        text: saved.rescoreQueued
          ? t("savedRescore", { version: saved.version })
          : t("saved", { version: saved.version }),
      });
      setNote("");
      await onSaved();
    } catch (error) {
      const { code, placed, message: refusal } = placeServerErrors(error);
      setOutcome({
        tone: "error",
        text:
          code === "CONFLICT"
            ? t("conflict")
            : placed.length
              ? tCommon("checkFields")
              : code === "BAD_REQUEST"
                ? tCommon("refused", { message: refusal })
                : tCommon("unexpected"),
      });
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => event.preventDefault()}
      className="space-y-6"
      aria-describedby="policy-version"
    >
      <p id="policy-version" className="text-sm text-slate-700">
        {policy.createdAt
          ? t("inForce", {
              version: policy.version,
              date: formatDate(policy.createdAt, locale),
              name: policy.createdBy?.name ?? "—",
            })
          : t("inForceDefaults")}
      </p>
      {outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}
      <ValueModelFields form={form} />
      <CategoryMatrix form={form} />
      <SlaTable form={form} />
      <LimitsFields form={form} />
      <WhatIfPanel
        result={whatIf.data}
        isStale={!!whatIf.data && !isWhatIfFresh}
        isRunning={whatIf.isFetching}
        failed={whatIf.isError}
        canRun={draft !== null}
        segmentBasis={segmentBasis}
        onSegmentBasis={setSegmentBasis}
        onRun={runWhatIf}
      />
      <Card id="save-title" title={t("saveTitle")} description={t("saveDescription", { version: policy.version + 1 })}>
        <Field id="policy-note" label={t("note")} hint={t("noteHint")}>
          {(props) => (
            <input
              {...props}
              value={note}
              maxLength={500}
              onChange={(event) => setNote(event.target.value)}
              className={INPUT}
            />
          )}
        </Field>
        {!isChanged && <p className="mt-3 text-sm text-slate-600">{t("noChanges")}</p>}
        {isChanged && !isWhatIfFresh && <p className="mt-3 text-sm text-amber-800">{t("previewFirst")}</p>}
        <div className="mt-4 flex flex-wrap gap-3">
          <button
            type="button"
            onClick={onSave}
            disabled={!isChanged || !isWhatIfFresh || save.isPending}
            className={PRIMARY_BUTTON}
          >
            {save.isPending ? (
              <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
            ) : (
              <Save aria-hidden="true" className="size-4" />
            )}
            {save.isPending ? tCommon("saving") : t("saveVersion", { version: policy.version + 1 })}
          </button>
          <button
            type="button"
            onClick={() => form.reset(policy.config)}
            disabled={!form.formState.isDirty}
            className={SECONDARY_BUTTON}
          >
            <RotateCcw aria-hidden="true" className="size-4" />
            {t("discard")}
          </button>
          <button
            type="button"
            onClick={() => form.reset(policy.defaults, { keepDefaultValues: true })}
            className={SECONDARY_BUTTON}
          >
            {t("useDefaults")}
          </button>
        </div>
      </Card>
    </form>
  );
}
