"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/app/_trpc/react";

/**
 * Records that the subscriber saw the bill (`bill.recordView`), once the page shows it: reading
 * the bill is a GET that writes nothing. Fire and forget; the server counts one view per half hour.
 */
export function RecordBillView({ billId }: { billId: string }) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.bill.recordView.mutationOptions());
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (recorded.current === billId) return;
    recorded.current = billId;
    mutate({ billId });
  }, [billId, mutate]);
  return null;
}
