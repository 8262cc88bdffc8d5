import type { RouterOutputs } from "@/app/_trpc/types";

export type AddonItem = RouterOutputs["addon"]["list"]["items"][number];
export type Purchase = RouterOutputs["addon"]["mine"]["items"][number];
export type AddonLine = {
  id: string;
  msisdn: string | null;
  tariff: { id: string; name: string; nameEn: string };
};
