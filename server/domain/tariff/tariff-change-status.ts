import type { TariffChangeStatus } from "@prisma/client";

/** A change still open: scheduled (PENDING) or sent to the network and not confirmed (PROVISIONING). One per line. */
export const OPEN_CHANGE_STATUSES = ["PENDING", "PROVISIONING"] satisfies TariffChangeStatus[];

/** What a change shows of its two tariffs. */
export const tariffBrief = {
  select: { id: true, code: true, name: true, nameEn: true, monthlyFeeCents: true },
} as const;
