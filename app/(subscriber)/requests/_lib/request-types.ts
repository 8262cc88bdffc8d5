import type { RouterOutputs } from "@/app/_trpc/types";

export type RequestListItem = RouterOutputs["request"]["list"]["items"][number];
export type RequestDetailData = RouterOutputs["request"]["byId"];
export type ArticleHit = RouterOutputs["request"]["suggest"][number];
export type RequestStatus = RequestListItem["status"];
export type RequestCategory = RequestListItem["category"];

/** Every category, in the order the new-request form offers them (most common first). */
export const CATEGORY_ORDER: RequestCategory[] = [
  "BILLING_QUESTION",
  "TARIFF_CHANGE",
  "TECHNICAL_FAULT",
  "NO_SERVICE",
  "ROAMING",
  "BILL_DISPUTE",
  "SIM_REPLACEMENT",
  "NUMBER_PORTING",
  "COMPLAINT",
  "CANCEL_CONTRACT",
  "OTHER",
];

/** Categories about one number or service: the form asks which. */
export const LINE_CATEGORIES: RequestCategory[] = [
  "TECHNICAL_FAULT",
  "NO_SERVICE",
  "ROAMING",
  "SIM_REPLACEMENT",
  "NUMBER_PORTING",
  "TARIFF_CHANGE",
];
