import type { Partner, SimReplacement } from "@prisma/client";

/** What the subscriber (and an agent) sees of a replacement: never the activation code itself. */
export function toReplacementView(
  row: SimReplacement & { pickupPartner: Pick<Partner, "id" | "name" | "code"> | null },
) {
  return {
    id: row.id,
    lineId: row.lineId,
    kind: row.kind,
    status: row.status,
    pickup: row.pickupPartner ? { name: row.pickupPartner.name, code: row.pickupPartner.code } : null,
    /** eSIM: the code can be shown (once). */
    isCodeAvailable: row.kind === "ESIM" && row.status === "READY" && row.downloadedAt === null,
    downloadedAt: row.downloadedAt,
    createdAt: row.createdAt,
    activatedAt: row.activatedAt,
  };
}

export type ReplacementView = ReturnType<typeof toReplacementView>;
