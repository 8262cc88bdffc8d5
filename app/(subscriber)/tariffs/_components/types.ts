import type { RouterOutputs } from "@/app/_trpc/types";

export type TariffItem = RouterOutputs["tariff"]["list"]["items"][number];
export type LineOption = {
  id: string;
  kind: "MOBILE" | "HOME_INTERNET";
  msisdn: string | null;
  address: string | null;
  tariff: { id: string; name: string; nameEn: string; monthlyFeeCents: number };
};
