"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, LoaderCircle, Store } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatDate, formatPhone } from "@/app/_lib/format";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";

const BUTTON =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 text-sm font-semibold disabled:cursor-wait";
const PRIMARY = `${BUTTON} bg-brand-600 text-white hover:bg-brand-700`;
const SECONDARY = `${BUTTON} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;
const DANGER = `${BUTTON} bg-red-700 text-white hover:bg-red-800`;
const CARD = "space-y-4 rounded-xl bg-white p-4 shadow-sm sm:p-6";

type Line = { id: string; msisdn: string | null };
type Kind = "ESIM" | "PHYSICAL";
type Code = { activationCode: string; qrSvg: string };

/** Order a new SIM or eSIM for a line and follow it: waiting at the dealer, the eSIM code (once), activating, active. */
export function SimView({ lines, initialLineId }: { lines: Line[]; initialLineId: string }) {
  const t = useTranslations("sim");
  const trpc = useTRPC();
  const [lineId, setLineId] = useState(initialLineId);
  const status = useQuery({
    ...trpc.sim.status.queryOptions({ lineId }),
    // The network switches the SIM in moments: look again until it is done.
    refetchInterval: (query) => (query.state.data?.replacement?.status === "ACTIVATING" ? 1500 : false),
  });
  return (
    <div className="space-y-4">
      {lines.length > 1 && (
        <label className="block max-w-sm text-sm font-medium text-slate-800">
          {t("line")}
          <select
            value={lineId}
            onChange={(event) => setLineId(event.target.value)}
            className="mt-1 min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base"
          >
            {lines.map((line) => (
              <option key={line.id} value={line.id}>
                {line.msisdn ? formatPhone(line.msisdn) : line.id}
              </option>
            ))}
          </select>
        </label>
      )}
      {status.isPending ? (
        <p role="status" className={`${CARD} flex items-center gap-2 text-slate-700`}>
          <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
          {t("loading")}
        </p>
      ) : status.isError ? (
        <div role="alert" className={CARD}>
          <p className="text-red-800">{t("loadFailed")}</p>
          <button type="button" className={SECONDARY} onClick={() => status.refetch()}>
            {t("retry")}
          </button>
        </div>
      ) : (
        <SimState key={lineId} status={status.data} />
      )}
    </div>
  );
}

type Status = RouterOutputs["sim"]["status"];

function SimState({ status }: { status: Status }) {
  const t = useTranslations("sim");
  const locale = useLocale();
  // The code answered by sim.esimCode lives only here: it is never asked for again.
  const [code, setCode] = useState<Code | null>(null);
  const replacement = status.replacement;
  const dealer = replacement?.pickup?.name ?? t("anyDealer");

  if (code) return <EsimCode code={code} />;
  if (replacement?.status === "AWAITING_PICKUP") {
    return (
      <div className={CARD}>
        <p role="status" className="flex gap-3 text-slate-800">
          <Store aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-brand-700" />
          <span>{t("awaitingPickup", { dealer })}</span>
        </p>
        <CancelReplacement lineId={status.lineId} />
      </div>
    );
  }
  if (replacement?.status === "READY") {
    return (
      <div className="space-y-4">
        <EsimReady replacementId={replacement.id} onCode={setCode} />
        <div className={CARD}>
          <CancelReplacement lineId={status.lineId} />
        </div>
      </div>
    );
  }
  if (replacement?.status === "ACTIVATING") {
    return (
      <div className={CARD}>
        <p role="status" className="flex items-center gap-2 font-medium text-sky-800">
          <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
          {t("activating")}
        </p>
        {replacement.kind === "ESIM" && <p className="text-sm text-slate-700">{t("alreadyDownloaded")}</p>}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {replacement?.status === "CANCELLED" && (
        <p role="status" className={`${CARD} text-slate-800`}>
          {t("cancelled", { kind: replacement.kind })}
        </p>
      )}
      {replacement?.status === "ACTIVE" && replacement.activatedAt && (
        <p role="status" className={`${CARD} flex gap-3 text-emerald-900`}>
          <CheckCircle2 aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-emerald-700" />
          <span>
            {t("active", { kind: replacement.kind, date: formatDate(replacement.activatedAt, locale) })}{" "}
            {t("orderAgain")}
          </span>
        </p>
      )}
      {status.canReplace ? (
        <OrderForm lineId={status.lineId} isBlocked={status.lineStatus === "BLOCKED"} />
      ) : (
        <p className={`${CARD} text-amber-900`}>{t("cannotReplace")}</p>
      )}
    </div>
  );
}

function OrderForm({ lineId, isBlocked }: { lineId: string; isBlocked: boolean }) {
  const t = useTranslations("sim");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>("ESIM");
  const [failed, setFailed] = useState(false);
  const { key, renew } = useIdempotencyKey("sim");
  const replace = useMutation(trpc.sim.replace.mutationOptions());
  async function order() {
    setFailed(false);
    try {
      await replace.mutateAsync({ lineId, kind, idempotencyKey: key });
      renew();
      await queryClient.invalidateQueries(trpc.sim.status.queryFilter({ lineId }));
    } catch {
      setFailed(true);
    }
  }
  return (
    <form
      className={CARD}
      onSubmit={(event) => {
        event.preventDefault();
        void order();
      }}
    >
      <fieldset className="space-y-2">
        <legend className="font-semibold text-slate-900">{t("kindLegend")}</legend>
        {(["ESIM", "PHYSICAL"] as const).map((option) => (
          <label
            key={option}
            className="flex min-h-11 cursor-pointer gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              name="kind"
              value={option}
              checked={kind === option}
              onChange={() => setKind(option)}
              className="mt-1 size-4"
            />
            <span>
              <span className="block font-medium text-slate-900">{t(`kinds.${option}`)}</span>
              <span className="block text-sm text-slate-700">
                {t(`kindHints.${option}`, { dealer: t("anyDealer") })}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="rounded-lg bg-slate-50 p-3 text-sm text-slate-800">
        <p className="font-semibold">{t("previewTitle")}</p>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          <li>{t("previewOldStops")}</li>
          <li>{t("previewFree")}</li>
          {isBlocked && <li>{t("previewBlocked")}</li>}
        </ul>
      </div>
      {failed && (
        <p role="alert" className="text-sm text-red-800">
          {t("orderFailed")}
        </p>
      )}
      <button type="submit" className={PRIMARY} disabled={replace.isPending}>
        {replace.isPending ? t("ordering") : t("order")}
      </button>
    </form>
  );
}

/** Cancels the replacement before it reaches the network, after a confirmation; the old SIM keeps working. */
function CancelReplacement({ lineId }: { lineId: string }) {
  const t = useTranslations("sim");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isConfirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { key, renew } = useIdempotencyKey("sim-cancel");
  const cancel = useMutation(trpc.sim.cancelReplacement.mutationOptions());
  async function confirm() {
    setFailure(null);
    try {
      await cancel.mutateAsync({ lineId, idempotencyKey: key });
      renew();
    } catch (error) {
      setFailure(readTRPCError(error).code === "PRECONDITION_FAILED" ? t("cancelTooLate") : t("cancelFailed"));
    }
    setConfirming(false);
    await queryClient.invalidateQueries(trpc.sim.status.queryFilter({ lineId }));
  }
  return (
    <div className="space-y-3">
      {failure && (
        <p role="alert" className="text-sm text-red-800">
          {failure}
        </p>
      )}
      {isConfirming ? (
        <div role="group" aria-label={t("cancelConfirmTitle")} className="space-y-3 rounded-lg bg-amber-50 p-3">
          <p className="text-sm text-amber-950">{t("cancelConfirmBody")}</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={DANGER} onClick={confirm} disabled={cancel.isPending}>
              {cancel.isPending ? t("cancelling") : t("cancelConfirm")}
            </button>
            <button
              type="button"
              className={SECONDARY}
              onClick={() => setConfirming(false)}
              disabled={cancel.isPending}
            >
              {t("cancelKeep")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={SECONDARY} onClick={() => setConfirming(true)}>
          {t("cancelReplacement")}
        </button>
      )}
    </div>
  );
}

function EsimReady({ replacementId, onCode }: { replacementId: string; onCode: (code: Code) => void }) {
  const t = useTranslations("sim");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const download = useMutation(trpc.sim.esimCode.mutationOptions());
  const [failed, setFailed] = useState(false);
  async function show() {
    setFailed(false);
    try {
      const answer = await download.mutateAsync({ replacementId });
      if (answer.activationCode && answer.qrSvg) onCode({ activationCode: answer.activationCode, qrSvg: answer.qrSvg });
      await queryClient.invalidateQueries(trpc.sim.status.queryFilter());
    } catch {
      setFailed(true);
    }
  }
  return (
    <div className={CARD}>
      <p className="text-slate-800">{t("esimReady")}</p>
      {failed && (
        <p role="alert" className="text-sm text-red-800">
          {t("codeFailed")}
        </p>
      )}
      <button type="button" className={PRIMARY} onClick={show} disabled={download.isPending}>
        {download.isPending ? t("showingCode") : t("showCode")}
      </button>
    </div>
  );
}

function EsimCode({ code }: { code: Code }) {
  const t = useTranslations("sim");
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.qrSvg)}`);
  }, [code.qrSvg]);
  return (
    <section aria-label={t("codeTitle")} className={CARD}>
      <p className="font-semibold text-slate-900">{t("codeTitle")}</p>
      {src && (
        // A data URL, not inline markup: nothing from the server runs in the page (CSP img-src data:).
        // eslint-disable-next-line @next/next/no-img-element
        <img src={src} alt={t("codeTitle")} width={240} height={240} className="mx-auto size-60 max-w-full" />
      )}
      <p className="text-sm text-slate-700">{t("codeHint")}</p>
      <p className="break-all rounded-lg bg-slate-100 p-3 font-mono text-sm text-slate-900" data-testid="lpa-code">
        {code.activationCode}
      </p>
      <p role="note" className="text-sm font-medium text-amber-900">
        {t("codeOnce")}
      </p>
    </section>
  );
}
