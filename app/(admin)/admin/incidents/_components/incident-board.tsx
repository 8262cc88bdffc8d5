"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, Plus } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { formatMoney } from "@/app/_lib/money";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { DANGER_BUTTON, INPUT, PRIMARY_BUTTON, SECONDARY_BUTTON } from "../../_components/buttons";
import { Card } from "../../_components/card";
import { Field } from "../../_components/field";
import { Notice, type Outcome } from "../../_components/notice";
import { PageHeader } from "../../_components/page-header";
import { LoadError, LoadingBlock } from "../../_components/query-states";
import { DeclareIncidentForm, fieldError, MessageFields, toLocalInput } from "./incident-form";

type Incident = RouterOutputs["admin"]["incidents"]["list"]["items"][number];

/** The supervisor's incidents: declare one, follow what each caused, update the repair time, resolve. */
export function IncidentBoard() {
  const t = useTranslations("admin.incidents");
  const trpc = useTRPC();
  const list = useQuery(trpc.admin.incidents.list.queryOptions(undefined, { refetchInterval: 15_000 }));
  const [isDeclaring, setIsDeclaring] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          !isDeclaring && (
            <button type="button" className={PRIMARY_BUTTON} onClick={() => setIsDeclaring(true)}>
              <Plus aria-hidden="true" className="size-4" />
              {t("newIncident")}
            </button>
          )
        }
      />
      {outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}
      {isDeclaring && (
        <Card
          id="declare-title"
          title={t("declareTitle")}
          actions={
            <button type="button" className={SECONDARY_BUTTON} onClick={() => setIsDeclaring(false)}>
              {t("cancel")}
            </button>
          }
        >
          <DeclareIncidentForm
            onDone={(number) => {
              setIsDeclaring(false);
              setOutcome({ tone: "success", text: t("declared", { number }) });
            }}
          />
        </Card>
      )}
      {list.isPending ? (
        <LoadingBlock />
      ) : list.isError ? (
        <LoadError onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
          {t("empty")}
        </p>
      ) : (
        <ul className="space-y-4" aria-label={t("title")}>
          {list.data.items.map((incident) => (
            <li key={incident.id}>
              <IncidentCard incident={incident} onOutcome={setOutcome} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function IncidentCard({ incident, onOutcome }: { incident: Incident; onOutcome: (outcome: Outcome) => void }) {
  const t = useTranslations("admin.incidents");
  const format = useFormatter();
  const locale = useLocale();
  const [mode, setMode] = useState<"view" | "update" | "resolve">("view");
  const time = (date: Date) =>
    format.dateTime(date, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const isActive = incident.status === "ACTIVE";
  const areaText = (["cells", "nodes", "buildings", "regions"] as const)
    .filter((kind) => incident.area[kind].length)
    .map(
      (kind) =>
        `${t(`areaKind.${kind}`)}: ${incident.area[kind].slice(0, 6).join(", ")}${incident.area[kind].length > 6 ? "…" : ""}`,
    )
    .join(" · ");
  return (
    <Card
      id={`incident-${incident.id}`}
      title={t("heading", {
        number: incident.number,
        services: incident.services.map((service) => t(`service.${service}`)).join(", "),
      })}
      description={`${t(`status.${incident.status}`)} · ${t(`source.${incident.source}`)}`}
      className={isActive ? "border-amber-300" : ""}
    >
      <div data-testid={`admin-incident-${incident.number}`} className="space-y-3 text-sm">
        <p className="text-slate-800">{locale === "en" ? incident.message.en : incident.message.ru}</p>
        <p className="text-slate-600">{areaText}</p>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {(
            [
              { key: "since", value: time(incident.startedAt) },
              {
                key: incident.resolvedAt ? ("resolvedAt" as const) : ("eta" as const),
                value: incident.resolvedAt ? time(incident.resolvedAt) : incident.etaAt ? time(incident.etaAt) : "—",
              },
              { key: "affectedLines", value: String(incident.affectedLines) },
              {
                key: "requests",
                value: t("requestsValue", { total: incident.attachedRequests, open: incident.openAttachedRequests }),
              },
              { key: "subscribers", value: String(incident.subscribers) },
              {
                key: "credits",
                value: incident.creditsIssuedAt
                  ? t("creditsValue", {
                      lines: incident.credits.lines,
                      total: formatMoney(incident.credits.totalCents, "RUB", locale),
                    })
                  : isActive
                    ? "—"
                    : t("creditsPending"),
              },
            ] as const
          ).map((item) => (
            <div key={item.key}>
              <dt className="text-slate-600">{t(`figures.${item.key}`)}</dt>
              <dd className="font-semibold tabular-nums" data-testid={`incident-${item.key}`}>
                {item.value}
              </dd>
            </div>
          ))}
        </dl>
        {isActive && mode === "view" && (
          <div className="flex flex-wrap gap-2">
            <button type="button" className={SECONDARY_BUTTON} onClick={() => setMode("update")}>
              {t("update")}
            </button>
            <button type="button" className={DANGER_BUTTON} onClick={() => setMode("resolve")}>
              {t("resolve")}
            </button>
          </div>
        )}
        {isActive && mode === "update" && (
          <UpdateForm incident={incident} onClose={() => setMode("view")} onOutcome={onOutcome} />
        )}
        {isActive && mode === "resolve" && (
          <ResolveConfirm incident={incident} onClose={() => setMode("view")} onOutcome={onOutcome} />
        )}
      </div>
    </Card>
  );
}

type EditorProps = { incident: Incident; onClose: () => void; onOutcome: (outcome: Outcome) => void };

/** What an editor does once its change is saved: the list reloads, the outcome is said, the editor closes. */
function useOnSaved({ incident, onClose, onOutcome }: EditorProps, said: "updated" | "resolved") {
  const t = useTranslations("admin.incidents");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries(trpc.admin.incidents.pathFilter());
    onOutcome({ tone: "success", text: t(said, { number: incident.number }) });
    onClose();
  };
}

function UpdateForm({ incident, onClose, onOutcome }: EditorProps) {
  const t = useTranslations("admin.incidents");
  const trpc = useTRPC();
  const { key } = useIdempotencyKey("incident-update");
  const [etaAt, setEtaAt] = useState(incident.etaAt ? toLocalInput(incident.etaAt) : "");
  const [message, setMessage] = useState(incident.message);
  const onSaved = useOnSaved({ incident, onClose, onOutcome }, "updated");
  const update = useMutation(trpc.admin.incidents.update.mutationOptions({ onSuccess: onSaved }));
  const failure = update.isError ? readTRPCError(update.error) : null;
  const fields = failure?.fields ?? {};
  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ id: incident.id, etaAt: etaAt ? new Date(etaAt) : null, message, idempotencyKey: key });
  }
  return (
    <form noValidate onSubmit={submit} className="space-y-3 rounded-xl bg-slate-50 p-3">
      <Field id={`eta-${incident.id}`} label={t("etaAt")} error={fieldError(fields, "etaAt") && t("errors.etaAt")}>
        {(props) => (
          <input
            {...props}
            type="datetime-local"
            value={etaAt}
            onChange={(event) => setEtaAt(event.target.value)}
            className={`${INPUT} max-w-64`}
          />
        )}
      </Field>
      <MessageFields message={message} onChange={setMessage} fields={fields} idPrefix={`update-${incident.id}`} />
      {failure && Object.keys(fields).length === 0 && (
        <Notice tone="error">{failure.code === "CONFLICT" ? t("errors.conflict") : t("errors.failed")}</Notice>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={update.isPending} className={PRIMARY_BUTTON}>
          {update.isPending && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
          {t("saveUpdate")}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

function ResolveConfirm({ incident, onClose, onOutcome }: EditorProps) {
  const t = useTranslations("admin.incidents");
  const trpc = useTRPC();
  const { key } = useIdempotencyKey("incident-resolve");
  const onSaved = useOnSaved({ incident, onClose, onOutcome }, "resolved");
  const resolve = useMutation(trpc.admin.incidents.resolve.mutationOptions({ onSuccess: onSaved }));
  return (
    <div className="space-y-3 rounded-xl bg-red-50 p-3" role="group" aria-label={t("resolve")}>
      <p className="text-red-900">
        {t("resolveConfirm", { requests: incident.openAttachedRequests, lines: incident.affectedLines })}
      </p>
      {resolve.isError && <Notice tone="error">{t("errors.failed")}</Notice>}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={resolve.isPending}
          className={`${PRIMARY_BUTTON} bg-red-700 hover:bg-red-800`}
          onClick={() => resolve.mutate({ id: incident.id, idempotencyKey: key })}
        >
          {resolve.isPending && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
          {t("resolveYes")}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}
