"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { cardBrandName } from "@/app/_lib/card-brand";
import { useIdempotencyKey } from "@/app/_lib/idempotency-key";
import { useTRPC } from "@/app/_trpc/react";
import { AGENT_BUTTON, ConfirmedAction } from "./confirmed-action";

/**
 * The customer's autopay in the 360 view (agent.autopay). The agent can turn it off on the
 * customer's behalf after a confirmation (agent.disableAutopay, audited), never on: card details
 * are not taken over the phone, the subscriber turns it on in their own app.
 */
export function AutopayCard({ customerId }: { customerId: string }) {
  const t = useTranslations("agent.autopay");
  const trpc = useTRPC();
  const autopay = useQuery(trpc.agent.autopay.queryOptions({ customerId }));

  return (
    <section
      aria-labelledby="c360-autopay"
      data-testid="c360-autopay"
      className="rounded-2xl border border-slate-200 bg-white p-4 text-sm shadow-sm"
    >
      <h2 id="c360-autopay" className="text-base font-semibold">
        {t("title")}
      </h2>
      <div className="mt-2 space-y-2">
        {autopay.isPending ? (
          <p role="status" className="flex items-center gap-2 text-slate-700">
            <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
            {t("loading")}
          </p>
        ) : autopay.isError ? (
          <div role="alert" className="space-y-2 text-red-800">
            <p>{t("loadFailed")}</p>
            <button
              type="button"
              onClick={() => void autopay.refetch()}
              className={`${AGENT_BUTTON} border border-red-300 bg-white text-red-900 hover:bg-red-50`}
            >
              {t("retry")}
            </button>
          </div>
        ) : autopay.data.enabled && autopay.data.card ? (
          <>
            <p data-testid="c360-autopay-state" className="text-slate-800">
              {t("on", { brand: cardBrandName(autopay.data.card.brand), last4: autopay.data.card.last4 })}
            </p>
            <TurnOffOnBehalf customerId={customerId} />
          </>
        ) : (
          <p data-testid="c360-autopay-state" className="text-slate-800">
            {t("off")}
          </p>
        )}
      </div>
    </section>
  );
}

function TurnOffOnBehalf({ customerId }: { customerId: string }) {
  const t = useTranslations("agent.autopay");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [hasFailed, setFailed] = useState(false);
  const { key, renew } = useIdempotencyKey("agent-autopay-off");
  const turnOff = useMutation(trpc.agent.disableAutopay.mutationOptions());

  async function confirm() {
    setFailed(false);
    let isDone = false;
    try {
      const view = await turnOff.mutateAsync({ customerId, idempotencyKey: key });
      renew();
      isDone = true;
      queryClient.setQueryData(trpc.agent.autopay.queryKey({ customerId }), view);
    } catch {
      setFailed(true);
    }
    await queryClient.invalidateQueries(trpc.agent.autopay.queryFilter({ customerId }));
    return isDone;
  }

  return (
    <ConfirmedAction
      label={t("turnOff")}
      body={t("confirmBody")}
      confirmLabel={t("confirm")}
      pendingLabel={t("turningOff")}
      keepLabel={t("keep")}
      failure={hasFailed ? t("failed") : null}
      isPending={turnOff.isPending}
      onConfirm={confirm}
    />
  );
}
