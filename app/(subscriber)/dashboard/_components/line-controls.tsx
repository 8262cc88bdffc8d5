"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { LoaderCircle, ShieldAlert } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { formatMoney } from "@/app/_lib/money";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import type { AccountLine } from "@/app/_trpc/types";
import { blockReasonSchema } from "@/server/domain/line/line.schema";

const BUTTON =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 text-sm font-semibold disabled:cursor-wait";
const PRIMARY = `${BUTTON} bg-brand-600 text-white hover:bg-brand-700`;
const DANGER = `${BUTTON} bg-red-600 text-white hover:bg-red-700`;
const SECONDARY = `${BUTTON} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;
const INPUT = "min-h-11 w-full rounded-lg border border-slate-300 px-3 text-base";

const blockForm = z.object({ reason: blockReasonSchema });
const unblockForm = z.object({ code: z.string().regex(/^\s*\d{6}\s*$/, "code") });
const suspendForm = z.object({ until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "until") });

type Panel = "block" | "unblock" | "suspend" | null;

/** Block, unblock, suspend and resume a mobile line; while the network works on it, "in progress". */
export function LineControls({ line, currency, locale }: { line: AccountLine; currency: string; locale: string }) {
  const t = useTranslations("dashboard.controls");
  const router = useRouter();
  const [panel, setPanel] = useState<Panel>(null);
  const pending = line.pendingCommands.filter((command) => command.status !== "NEEDS_AGENT");
  const stuck = line.pendingCommands.some((command) => command.status === "NEEDS_AGENT");

  // The network applies a command in moments: refresh the card until it is done.
  useEffect(() => {
    if (pending.length === 0) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [pending.length, router]);

  const done = () => {
    setPanel(null);
    router.refresh();
  };

  return (
    <section aria-label={t("title")} className="mt-4 border-t border-slate-100 pt-4">
      {pending.length > 0 && (
        <p role="status" className="flex items-center gap-2 text-sm font-medium text-sky-800">
          <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
          {t("inProgress", { kind: pending[0]!.kind })}
        </p>
      )}
      {stuck && <p className="text-sm text-amber-800">{t("needsAgent")}</p>}
      <div className="mt-2 flex flex-wrap gap-2">
        {line.status !== "BLOCKED" && pending.length === 0 && (
          <button type="button" className={SECONDARY} onClick={() => setPanel("block")}>
            <ShieldAlert aria-hidden="true" className="size-4 text-red-600" />
            {t("blockOpen")}
          </button>
        )}
        {line.status === "BLOCKED" && pending.length === 0 && (
          <button type="button" className={SECONDARY} onClick={() => setPanel("unblock")}>
            {t("unblockOpen")}
          </button>
        )}
        {line.status === "ACTIVE" && pending.length === 0 && (
          <button type="button" className={SECONDARY} onClick={() => setPanel("suspend")}>
            {t("suspendOpen")}
          </button>
        )}
        {line.status === "SUSPENDED" && pending.length === 0 && <ResumeButton lineId={line.id} onDone={done} />}
        {line.status !== "SUSPENDED" && (
          <Link href={`/sim?lineId=${line.id}`} className={SECONDARY}>
            {t("simReplace")}
          </Link>
        )}
      </div>
      {panel === "block" && <BlockPanel lineId={line.id} onDone={done} onCancel={() => setPanel(null)} />}
      {panel === "unblock" && <UnblockPanel lineId={line.id} onDone={done} onCancel={() => setPanel(null)} />}
      {panel === "suspend" && (
        <SuspendPanel
          lineId={line.id}
          currency={currency}
          locale={locale}
          onDone={done}
          onCancel={() => setPanel(null)}
        />
      )}
    </section>
  );
}

type PanelProps = { lineId: string; onDone: () => void; onCancel: () => void };

function BlockPanel({ lineId, onDone, onCancel }: PanelProps) {
  const t = useTranslations("dashboard.controls");
  const trpc = useTRPC();
  const block = useMutation(trpc.line.block.mutationOptions());
  const { key, renew } = useIdempotencyKey("block");
  const [failed, setFailed] = useState(false);
  const form = useForm<z.infer<typeof blockForm>>({
    resolver: zodResolver(blockForm),
    defaultValues: { reason: "LOST" },
  });
  const onSubmit = form.handleSubmit(async ({ reason }) => {
    setFailed(false);
    try {
      await block.mutateAsync({ lineId, reason, idempotencyKey: key });
      renew();
      onDone();
    } catch {
      setFailed(true);
    }
  });
  return (
    <ControlPanel
      title={t("blockTitle")}
      text={t("blockText")}
      danger
      onSubmit={onSubmit}
      error={failed ? t("failed") : null}
      actions={
        <PanelActions submit={t("blockConfirm")} className={DANGER} disabled={block.isPending} onCancel={onCancel} />
      }
    >
      <label className="block text-sm font-medium text-slate-800">
        {t("reason")}
        <select {...form.register("reason")} className={`${INPUT} mt-1 bg-white`}>
          {blockReasonSchema.options.map((reason) => (
            <option key={reason} value={reason}>
              {t(`reasons.${reason}`)}
            </option>
          ))}
        </select>
      </label>
    </ControlPanel>
  );
}

function UnblockPanel({ lineId, onDone, onCancel }: PanelProps) {
  const t = useTranslations("dashboard.controls");
  const trpc = useTRPC();
  const unblock = useMutation(trpc.line.unblock.mutationOptions());
  const [codeSent, setCodeSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.infer<typeof unblockForm>>({
    resolver: zodResolver(unblockForm),
    defaultValues: { code: "" },
  });

  async function sendCode() {
    setError(null);
    try {
      await unblock.mutateAsync({ lineId });
      setCodeSent(true);
    } catch {
      setError(t("failed"));
    }
  }
  const onSubmit = form.handleSubmit(async ({ code }) => {
    setError(null);
    try {
      await unblock.mutateAsync({ lineId, code: code.trim() });
      onDone();
    } catch (failure) {
      setError(readTRPCError(failure).fields.code ? t("wrongCode") : t("failed"));
    }
  });
  return (
    <ControlPanel
      title={t("unblockTitle")}
      text={t("unblockText")}
      onSubmit={onSubmit}
      error={error}
      actions={
        <button type="button" className={SECONDARY} onClick={onCancel}>
          {t("cancel")}
        </button>
      }
    >
      {!codeSent ? (
        <button type="button" className={PRIMARY} onClick={sendCode} disabled={unblock.isPending}>
          {t("sendCode")}
        </button>
      ) : (
        <>
          <label className="block text-sm font-medium text-slate-800">
            {t("code")}
            <input
              {...form.register("code")}
              inputMode="numeric"
              autoComplete="one-time-code"
              className={`${INPUT} mt-1 bg-white`}
            />
          </label>
          {form.formState.errors.code && <p className="text-sm text-red-800">{t("wrongCode")}</p>}
          <button type="submit" className={PRIMARY} disabled={unblock.isPending}>
            {t("unblockConfirm")}
          </button>
        </>
      )}
    </ControlPanel>
  );
}

function SuspendPanel({
  lineId,
  currency,
  locale,
  onDone,
  onCancel,
}: PanelProps & { currency: string; locale: string }) {
  const t = useTranslations("dashboard.controls");
  const trpc = useTRPC();
  const suspend = useMutation(trpc.line.suspend.mutationOptions());
  const { key, renew } = useIdempotencyKey("suspend");
  const [failed, setFailed] = useState(false);
  const form = useForm<z.infer<typeof suspendForm>>({
    resolver: zodResolver(suspendForm),
    defaultValues: { until: "" },
  });
  const until = form.watch("until");
  const isDay = /^\d{4}-\d{2}-\d{2}$/.test(until);
  const preview = useQuery({ ...trpc.line.suspendPreview.queryOptions({ lineId, until }), enabled: isDay });
  const onSubmit = form.handleSubmit(async (values) => {
    setFailed(false);
    try {
      await suspend.mutateAsync({ lineId, until: values.until, idempotencyKey: key });
      renew();
      onDone();
    } catch {
      setFailed(true);
    }
  });
  const data = preview.data;
  return (
    <ControlPanel
      title={t("suspendTitle")}
      onSubmit={onSubmit}
      error={failed ? t("failed") : null}
      actions={
        <PanelActions
          submit={t("suspendConfirm")}
          className={PRIMARY}
          disabled={suspend.isPending || !data || data.reason !== null}
          onCancel={onCancel}
        />
      }
    >
      <label className="block text-sm font-medium text-slate-800">
        {t("until")}
        <input type="date" {...form.register("until")} className={`${INPUT} mt-1 bg-white`} />
      </label>
      {data && (
        <p className="text-sm text-slate-700">
          {data.reason === "UNTIL_NOT_AFTER_TODAY"
            ? t("untilTooSoon")
            : t("preview", {
                days: data.days,
                daysLeft: data.daysLeft,
                fee: formatMoney(data.feeCents, currency, locale),
              })}
          {data.reason === "OVER_YEARLY_LIMIT" && ` ${t("overLimit")}`}
        </p>
      )}
    </ControlPanel>
  );
}

function ResumeButton({ lineId, onDone }: { lineId: string; onDone: () => void }) {
  const t = useTranslations("dashboard.controls");
  const trpc = useTRPC();
  const resume = useMutation(trpc.line.resume.mutationOptions({ onSuccess: onDone }));
  return (
    <>
      <button type="button" className={SECONDARY} disabled={resume.isPending} onClick={() => resume.mutate({ lineId })}>
        {t("resume")}
      </button>
      {resume.isError && (
        <p role="alert" className="w-full text-sm text-red-800">
          {t("failed")}
        </p>
      )}
    </>
  );
}

/** A line control's confirmation, opened under the buttons: what it does, its fields, a failure, its buttons. */
function ControlPanel({
  title,
  text,
  danger = false,
  onSubmit,
  error,
  actions,
  children,
}: {
  title: string;
  text?: string;
  danger?: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  error: string | null;
  actions: ReactNode;
  children: ReactNode;
}) {
  return (
    <form
      role="dialog"
      aria-label={title}
      onSubmit={onSubmit}
      className={`mt-3 space-y-3 rounded-xl p-4 ${danger ? "bg-red-50" : "bg-slate-50"}`}
    >
      <p className={`font-semibold ${danger ? "text-red-950" : "text-slate-900"}`}>{title}</p>
      {text && <p className={`text-sm ${danger ? "text-red-900" : "text-slate-700"}`}>{text}</p>}
      {children}
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
      {actions}
    </form>
  );
}

function PanelActions({
  submit,
  className,
  disabled,
  onCancel,
}: {
  submit: string;
  className: string;
  disabled: boolean;
  onCancel: () => void;
}) {
  const t = useTranslations("dashboard.controls");
  return (
    <div className="flex flex-wrap gap-2">
      <button type="submit" className={className} disabled={disabled}>
        {submit}
      </button>
      <button type="button" className={SECONDARY} onClick={onCancel}>
        {t("cancel")}
      </button>
    </div>
  );
}
