import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import type { Channel, Prisma, SimReplacementStatus } from "@prisma/client";
import QRCode from "qrcode";
import type { Database, Transaction } from "../../db/client";
import { AppError, badRequest, isUniqueViolation, notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { lockCustomerLine } from "../line/line-lock.service";
import { issueCommand } from "../provisioning/provisioning.service";
import { newIccid } from "./iccid";
import { buildActivationCode, newMatchingId, readSmdpAddress } from "./lpa";
import type { ReplaceSimInput } from "./sim.schema";
import { toReplacementView } from "./sim-view";

export type SimActor = { customerId: string; userId: string; channel: Channel };

export const OPEN_STATUSES: readonly SimReplacementStatus[] = ["AWAITING_PICKUP", "READY", "ACTIVATING"];

const withPickup = { pickupPartner: { select: { id: true, name: true, code: true } } } as const;

const alreadyOpen = () =>
  new AppError("CONFLICT", "A SIM replacement for this line is already in progress: finish or wait for it first");

const randomDigits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join("");

/**
 * Where a physical SIM is picked up: the dealer that registered the customer, else the one set in
 * SIM_PICKUP_PARTNER_ID, else the operator's oldest dealer.
 */
async function pickupPartnerFor(tx: Transaction, customerId: string): Promise<string> {
  const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { partnerId: true } });
  if (customer.partnerId) return customer.partnerId;
  const configured = process.env.SIM_PICKUP_PARTNER_ID?.trim();
  if (configured) {
    const partner = await tx.partner.findUnique({ where: { id: configured }, select: { id: true } });
    if (partner) return partner.id;
  }
  const oldest = await tx.partner.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  if (!oldest) throw new AppError("PRECONDITION_FAILED", "No dealer can hand out a SIM");
  return oldest.id;
}

/**
 * `sim.replace`: a new physical SIM (picked up at a dealer) or an eSIM (an activation code shown
 * once) for an active or blocked line; the old SIM keeps working until the new one is active. One
 * replacement in progress per line; the same idempotency key answers the same replacement.
 */
export async function replaceSim(db: Database, actor: SimActor, input: ReplaceSimInput) {
  const byKey = () =>
    db.simReplacement.findFirst({
      where: { lineId: input.lineId, idempotencyKey: input.idempotencyKey, line: { customerId: actor.customerId } },
      include: withPickup,
    });
  const replay = await byKey();
  if (replay) return toReplacementView(replay);
  const line = await db.line.findFirst({
    where: { id: input.lineId, customerId: actor.customerId, status: { not: "TERMINATED" } },
    select: { id: true, kind: true },
  });
  if (!line) throw notFound("Line");
  if (line.kind !== "MOBILE") throw badRequest("lineId", "A home-internet line has no SIM to replace");
  try {
    return await db.$transaction(async (tx) => {
      await lockCustomerLine(tx, { lineId: line.id, customerId: actor.customerId });
      const earlier = await tx.simReplacement.findUnique({
        where: { lineId_idempotencyKey: { lineId: line.id, idempotencyKey: input.idempotencyKey } },
        include: withPickup,
      });
      if (earlier) return toReplacementView(earlier);
      const current = await tx.line.findUniqueOrThrow({ where: { id: line.id }, select: { status: true } });
      // A BLOCKED line (a lost phone) is exactly the one that needs a new SIM; a suspended one is resumed first.
      if (current.status === "SUSPENDED") {
        throw new AppError("CONFLICT", "The line is suspended: resume it before replacing its SIM");
      }
      if (current.status === "TERMINATED") throw notFound("Line");
      const open = await tx.simReplacement.findFirst({
        where: { lineId: line.id, status: { in: [...OPEN_STATUSES] } },
        select: { id: true },
      });
      if (open) throw alreadyOpen();
      const common = {
        lineId: line.id,
        kind: input.kind,
        orderedById: actor.userId,
        channel: actor.channel,
        idempotencyKey: input.idempotencyKey,
      };
      const data: Prisma.SimReplacementUncheckedCreateInput =
        input.kind === "ESIM"
          ? {
              ...common,
              status: "READY",
              iccid: newIccid(randomDigits),
              smdpAddress: readSmdpAddress(),
              matchingId: newMatchingId((count) => randomBytes(count)),
            }
          : { ...common, status: "AWAITING_PICKUP", pickupPartnerId: await pickupPartnerFor(tx, actor.customerId) };
      const created = await tx.simReplacement.create({ data, include: withPickup });
      await recordInteraction(tx, {
        customerId: actor.customerId,
        channel: actor.channel,
        type: "SIM_REPLACEMENT_ORDERED",
        actorId: actor.userId,
        data: { lineId: line.id, replacementId: created.id, kind: input.kind },
      });
      return toReplacementView(created);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await byKey();
    if (raced) return toReplacementView(raced);
    throw alreadyOpen();
  }
}

/** `sim.status`: the line's latest replacement (or none) and whether the line runs on a replaced SIM. */
export async function getSimStatus(db: Database, customerId: string, input: { lineId: string }) {
  const line = await db.line.findFirst({
    where: { id: input.lineId, customerId, status: { not: "TERMINATED" } },
    select: { id: true, kind: true, status: true, iccid: true },
  });
  if (!line) throw notFound("Line");
  const latest = await db.simReplacement.findFirst({
    where: { lineId: line.id },
    orderBy: { createdAt: "desc" },
    include: withPickup,
  });
  return {
    lineId: line.id,
    lineStatus: line.status,
    canReplace: line.kind === "MOBILE" && line.status !== "SUSPENDED",
    /** The last digits of the SIM in service, when it was replaced through us (null: the original SIM). */
    currentIccidEnd: line.iccid ? line.iccid.slice(-4) : null,
    replacement: latest ? toReplacementView(latest) : null,
  };
}

/**
 * `sim.esimCode`: the eSIM's activation code and its QR code, answered once. Downloading it is the
 * profile being installed (simulated): the SIM_SWAP command goes to the network in the same
 * transaction. Asked again, it answers `alreadyDownloaded` and no code.
 */
export async function downloadEsimCode(db: Database, customerId: string, input: { replacementId: string }) {
  const replacement = await db.simReplacement.findFirst({
    where: { id: input.replacementId, line: { customerId } },
  });
  if (!replacement) throw notFound("SIM replacement");
  if (replacement.kind !== "ESIM") throw badRequest("replacementId", "This replacement is a physical SIM");
  const won = await db.$transaction(async (tx) => {
    const taken = await tx.simReplacement.updateMany({
      where: { id: replacement.id, status: "READY", downloadedAt: null },
      data: { status: "ACTIVATING", downloadedAt: new Date() },
    });
    if (taken.count === 0) return false;
    await issueCommand(tx, {
      lineId: replacement.lineId,
      kind: "SIM_SWAP",
      payload: { replacementId: replacement.id, kind: "ESIM", iccid: replacement.iccid! },
      sourceKey: simSwapSourceKey(replacement.id),
    });
    return true;
  });
  if (!won) return { alreadyDownloaded: true as const, activationCode: null, qrSvg: null };
  const activationCode = buildActivationCode(replacement.smdpAddress!, replacement.matchingId!);
  const qrSvg = await QRCode.toString(activationCode, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { alreadyDownloaded: false as const, activationCode, qrSvg };
}

/** The provisioning source of a replacement's SIM_SWAP: one command per replacement. */
export function simSwapSourceKey(replacementId: string): string {
  return `sim:${replacementId}`;
}
