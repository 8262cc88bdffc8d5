"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import { INCIDENT_SERVICES, type IncidentService } from "@/server/domain/incident/incident.schema";
import { INPUT, PRIMARY_BUTTON } from "../../_components/buttons";
import { Field } from "../../_components/field";
import { Notice } from "../../_components/notice";

const AREA_KINDS = ["cells", "nodes", "buildings", "regions"] as const;

/** "2026-12-04T10:30" in the device's time zone, as `<input type="datetime-local">` takes it. */
export function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

const idsOf = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((id) => id.trim())
    .filter(Boolean);

/** The first server message for a field or any field under it ("message" covers "message.ru"). */
export function fieldError(fields: Record<string, string>, name: string): string | undefined {
  return fields[name] ?? Object.entries(fields).find(([key]) => key.startsWith(`${name}.`))?.[1];
}

/** Declaring an incident: the services down, the area, the start and repair time, the message in both languages. */
export function DeclareIncidentForm({ onDone }: { onDone: (number: number) => void }) {
  const t = useTranslations("admin.incidents");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey("incident");
  const [services, setServices] = useState<IncidentService[]>([]);
  const [area, setArea] = useState<Record<(typeof AREA_KINDS)[number], string>>({
    cells: "",
    nodes: "",
    buildings: "",
    regions: "",
  });
  const [startedAt, setStartedAt] = useState(() => toLocalInput(new Date()));
  const [etaAt, setEtaAt] = useState("");
  const [message, setMessage] = useState({ ru: "", en: "" });
  const declare = useMutation(
    trpc.admin.incidents.declare.mutationOptions({
      onSuccess: async (incident) => {
        renew();
        await queryClient.invalidateQueries(trpc.admin.incidents.pathFilter());
        onDone(incident.number);
      },
    }),
  );
  const failure = declare.isError ? readTRPCError(declare.error) : null;
  const fields = failure?.fields ?? {};

  function submit(event: FormEvent) {
    event.preventDefault();
    declare.mutate({
      services,
      area: Object.fromEntries(AREA_KINDS.map((kind) => [kind, idsOf(area[kind])])),
      startedAt: new Date(startedAt),
      etaAt: etaAt ? new Date(etaAt) : null,
      message,
      idempotencyKey: key,
    });
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-busy={declare.isPending}>
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">{t("services")}</legend>
        <div className="mt-1.5 flex flex-wrap gap-2">
          {INCIDENT_SERVICES.map((service) => (
            <label key={service} className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3">
              <input
                type="checkbox"
                className="size-5 accent-brand-600"
                checked={services.includes(service)}
                onChange={(event) =>
                  setServices((current) =>
                    event.target.checked ? [...current, service] : current.filter((item) => item !== service),
                  )
                }
              />
              <span className="text-sm">{t(`service.${service}`)}</span>
            </label>
          ))}
        </div>
        {fieldError(fields, "services") && (
          <p className="mt-1 text-sm font-medium text-red-700">{t("errors.services")}</p>
        )}
      </fieldset>

      <fieldset>
        <legend className="text-sm font-medium text-slate-900">{t("area")}</legend>
        <p className="mt-0.5 text-xs text-slate-600">{t("areaHint")}</p>
        <div className="mt-1.5 grid gap-3 sm:grid-cols-2">
          {AREA_KINDS.map((kind) => (
            <Field key={kind} id={`incident-${kind}`} label={t(`areaKind.${kind}`)}>
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  value={area[kind]}
                  placeholder={t(`areaPlaceholder.${kind}`)}
                  onChange={(event) => setArea((current) => ({ ...current, [kind]: event.target.value }))}
                  className={`${INPUT} py-2`}
                />
              )}
            </Field>
          ))}
        </div>
        {fieldError(fields, "area") && <p className="mt-1 text-sm font-medium text-red-700">{t("errors.area")}</p>}
      </fieldset>

      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id="incident-started"
          label={t("startedAt")}
          error={fieldError(fields, "startedAt") && t("errors.startedAt")}
        >
          {(props) => (
            <input
              {...props}
              type="datetime-local"
              value={startedAt}
              onChange={(event) => setStartedAt(event.target.value)}
              className={INPUT}
            />
          )}
        </Field>
        <Field
          id="incident-eta"
          label={t("etaAt")}
          hint={t("etaHint")}
          error={fieldError(fields, "etaAt") && t("errors.etaAt")}
        >
          {(props) => (
            <input
              {...props}
              type="datetime-local"
              value={etaAt}
              onChange={(event) => setEtaAt(event.target.value)}
              className={INPUT}
            />
          )}
        </Field>
      </div>

      <MessageFields message={message} onChange={setMessage} fields={fields} />

      {failure && Object.keys(fields).length === 0 && <Notice tone="error">{t("errors.failed")}</Notice>}
      <button type="submit" disabled={declare.isPending} className={PRIMARY_BUTTON}>
        {declare.isPending && <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />}
        {t("declare")}
      </button>
    </form>
  );
}

/** The status message in Russian and English, as subscribers read it. */
export function MessageFields({
  message,
  onChange,
  fields,
  idPrefix = "incident",
}: {
  message: { ru: string; en: string };
  onChange: (message: { ru: string; en: string }) => void;
  fields: Record<string, string>;
  idPrefix?: string;
}) {
  const t = useTranslations("admin.incidents");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {(["ru", "en"] as const).map((language) => (
        <Field
          key={language}
          id={`${idPrefix}-message-${language}`}
          label={t(`message.${language}`)}
          error={fieldError(fields, `message.${language}`) && t("errors.message")}
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={message[language]}
              onChange={(event) => onChange({ ...message, [language]: event.target.value })}
              className={`${INPUT} py-2`}
            />
          )}
        </Field>
      ))}
    </div>
  );
}
