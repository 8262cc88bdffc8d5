"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatPhone } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/react";
import { StuckCommand } from "./network-commands";

/** Changes the network kept refusing after every retry: shown above the queue until an agent sends them again. */
export function StuckCommandsCard() {
  const t = useTranslations("agent.lineControls");
  const trpc = useTRPC();
  const stuck = useQuery(trpc.agent.stuckCommands.queryOptions());
  const items = stuck.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="stuck-commands" className="mb-4 rounded-2xl border border-red-200 bg-white p-4 shadow-sm">
      <h2 id="stuck-commands" className="text-base font-semibold">
        {t("stuckTitle")} <span className="text-sm font-normal text-slate-600">{items.length}</span>
      </h2>
      <ul className="mt-3 space-y-3">
        {items.map((item) => (
          <li key={item.id}>
            <Link
              href={`/agent/customers/${item.customer.id}`}
              className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline"
            >
              {item.customer.name} · {item.msisdn ? formatPhone(item.msisdn) : (item.address ?? "")}
            </Link>
            <StuckCommand command={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}
