"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Check, LoaderCircle, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate, formatTime } from "@/app/_lib/format";
import { formatMoney } from "@/app/_lib/money";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { useTRPC } from "@/app/_trpc/react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { DANGER_BUTTON, INPUT, PRIMARY_BUTTON, SECONDARY_BUTTON } from "../../_components/buttons";
import { Field } from "../../_components/field";
import { Notice, type Outcome } from "../../_components/notice";
import { EmptyState, LoadError, LoadMoreButton, LoadingBlock } from "../../_components/query-states";

type Approval = RouterOutputs["admin"]["approvals"]["list"]["items"][number];
type View = "PENDING" | "DECIDED";

function ApprovalCard({ item, onDone }: { item: Approval; onDone: (text: string, tone: "success" | "error") => void }) {
  const t = useTranslations("admin.approvals");
  const tCommon = useTranslations("admin.common");
  const tSegments = useTranslations("admin.segments");
  const locale = useLocale();
  const trpc = useTRPC();
  const [mode, setMode] = useState<"idle" | "approve" | "reject">("idle");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>();
  const approve = useMutation(trpc.admin.approvals.approve.mutationOptions());
  const reject = useMutation(trpc.admin.approvals.reject.mutationOptions());
  const { bill } = item;
  const customer = `${bill.customer.lastName} ${bill.customer.firstName}`;
  const isCredit = item.amountCents < 0;
  const amount = formatMoney(Math.abs(item.amountCents), bill.currency, locale);
  const titleId = `approval-${item.id}`;

  async function decide() {
    setError(undefined);
    if (mode === "reject" && text.trim().length < 5) return setError(t("reasonRequired"));
    try {
      if (mode === "approve") await approve.mutateAsync({ adjustmentId: item.id, note: text.trim() || undefined });
      else await reject.mutateAsync({ adjustmentId: item.id, reason: text.trim() });
      onDone(
        mode === "approve" ? t("approved", { bill: bill.number, amount }) : t("rejected", { bill: bill.number }),
        "success",
      );
    } catch (caught) {
      const { code } = readTRPCError(caught);
      onDone(
        code === "CONFLICT" ? t("alreadyDecided") : code === "BAD_REQUEST" ? t("cannotApply") : tCommon("unexpected"),
        "error",
      );
    }
  }

  return (
    <article aria-labelledby={titleId} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={titleId} className="font-semibold">
            {isCredit ? t("credit", { amount }) : t("charge", { amount })}
          </h3>
          <p className="text-sm text-slate-600">
            {t("billLine", { number: bill.number, total: formatMoney(bill.totalCents, bill.currency, locale) })}
          </p>
        </div>
        <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-semibold text-brand-800 ring-1 ring-brand-200">
          {tSegments(bill.customer.segment)}
        </span>
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-600">{t("customer")}</dt>
          <dd>
            {customer} · {bill.customer.accountNumber}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("requestedBy")}</dt>
          <dd>
            {item.requestedBy.name} · {formatDate(item.createdAt, locale)} {formatTime(item.createdAt, locale)}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-600">{t("reason")}</dt>
          <dd className="break-words">{item.reason}</dd>
        </div>
        {item.status !== "PENDING_APPROVAL" && (
          <div className="sm:col-span-2">
            <dt className="text-slate-600">{t("decision")}</dt>
            <dd>
              <span
                className={item.status === "REJECTED" ? "font-medium text-red-700" : "font-medium text-emerald-800"}
              >
                {t(`status.${item.status}`)}
              </span>
              {item.decidedBy && ` · ${item.decidedBy.name}`}
              {item.decidedAt && ` · ${formatDate(item.decidedAt, locale)}`}
              {item.decisionReason && ` · ${item.decisionReason}`}
            </dd>
          </div>
        )}
      </dl>
      {item.status === "PENDING_APPROVAL" && mode === "idle" && (
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="button" onClick={() => setMode("approve")} className={PRIMARY_BUTTON}>
            <Check aria-hidden="true" className="size-4" />
            {t("approve")}
          </button>
          <button type="button" onClick={() => setMode("reject")} className={DANGER_BUTTON}>
            <X aria-hidden="true" className="size-4" />
            {t("reject")}
          </button>
        </div>
      )}
      {mode !== "idle" && (
        <form
          noValidate
          className="mt-4 space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            void decide();
          }}
        >
          <Field
            id={`${titleId}-text`}
            label={mode === "approve" ? t("noteLabel") : t("reasonLabel")}
            hint={mode === "approve" ? t("noteHint") : undefined}
            error={error}
          >
            {(props) => (
              <textarea
                {...props}
                autoFocus
                rows={2}
                maxLength={500}
                value={text}
                onChange={(event) => setText(event.target.value)}
                className={`${INPUT} py-2`}
              />
            )}
          </Field>
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              disabled={approve.isPending || reject.isPending}
              className={mode === "approve" ? PRIMARY_BUTTON : DANGER_BUTTON}
            >
              {(approve.isPending || reject.isPending) && (
                <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
              )}
              {mode === "approve" ? t("confirmApprove", { amount }) : t("confirmReject")}
            </button>
            <button type="button" onClick={() => setMode("idle")} className={SECONDARY_BUTTON}>
              {tCommon("cancel")}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}

/** Adjustments above an agent's limit: waiting ones to approve or reject, and the decided ones. */
export function ApprovalList() {
  const t = useTranslations("admin.approvals");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [view, setView] = useState<View>("PENDING");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const list = useInfiniteQuery(
    trpc.admin.approvals.list.infiniteQueryOptions(
      { view },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const pendingCount = list.data?.pages[0]?.pendingCount;

  return (
    <div className="space-y-4">
      <div role="tablist" aria-label={t("views")} className="flex gap-2 border-b border-slate-200">
        {(["PENDING", "DECIDED"] as const).map((value) => (
          <button
            key={value}
            role="tab"
            type="button"
            aria-selected={view === value}
            onClick={() => setView(value)}
            className={`-mb-px min-h-11 border-b-2 px-4 font-medium ${view === value ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600"}`}
          >
            {t(`view.${value}`)}
            {value === "PENDING" && pendingCount !== undefined && ` (${pendingCount})`}
          </button>
        ))}
      </div>
      {outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}
      <div role="tabpanel" aria-busy={list.isFetching}>
        {list.isPending ? (
          <LoadingBlock />
        ) : list.isError ? (
          <LoadError onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={view === "PENDING" ? t("emptyPending") : t("emptyDecided")}>
            {view === "PENDING" && t("emptyPendingHint")}
          </EmptyState>
        ) : (
          <ul className="grid gap-4 xl:grid-cols-2">
            {items.map((item) => (
              <li key={item.id}>
                <ApprovalCard
                  item={item}
                  onDone={(text, tone) => {
                    setOutcome({ text, tone });
                    void queryClient.invalidateQueries({ queryKey: trpc.admin.approvals.pathKey() });
                    void queryClient.invalidateQueries({ queryKey: trpc.admin.home.pathKey() });
                  }}
                />
              </li>
            ))}
          </ul>
        )}
        <LoadMoreButton list={list} />
      </div>
    </div>
  );
}
