import "server-only";
import type { RequestCategory } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { getActivePolicy } from "../routing/policy.service";
import { routeContact, type RoutingResult } from "../routing/route-contact";

type Reader = Pick<Database, "customer" | "serviceRequest" | "routingPolicy"> | Transaction;

export type RoutedContact = RoutingResult & {
  policyVersion: number;
  segment: "PLATINUM" | "GOLD" | "SILVER" | "BRONZE";
  personalManagerId: string | null;
  /** Who the request goes to: the personal manager, or nobody yet (the queue). */
  assignedToId: string | null;
  isRepeatContact: boolean;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Gathers a contact's facts from the database (segment, personal manager, an earlier contact on
 * the same category within the policy's window) and routes it with the active policy.
 */
export async function routeRequest(
  db: Reader,
  contact: {
    customerId: string;
    category: RequestCategory;
    disputedAmountCents?: number | null;
    askedForPerson?: boolean;
    /** An active network incident covers the contact's line (incident-requests.service.ts). */
    hasKnownOutage?: boolean;
    /** The request being re-routed, which is not a repeat of itself. */
    excludeRequestId?: string;
    now: Date;
  },
): Promise<RoutedContact> {
  const policy = await getActivePolicy(db);
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: contact.customerId },
    select: { segment: true, personalManagerId: true },
  });
  const since = new Date(contact.now.getTime() - policy.config.repeatContactDays * DAY_MS);
  const earlier = await db.serviceRequest.findFirst({
    where: {
      customerId: contact.customerId,
      category: contact.category,
      createdAt: { gte: since, lte: contact.now },
      ...(contact.excludeRequestId ? { id: { not: contact.excludeRequestId } } : {}),
    },
    select: { id: true },
  });
  const result = routeContact(
    {
      category: contact.category,
      segment: customer.segment,
      hasPersonalManager: customer.personalManagerId !== null,
      disputedAmountCents: contact.disputedAmountCents ?? null,
      isRepeatContact: earlier !== null,
      askedForPerson: contact.askedForPerson ?? false,
      hasKnownOutage: contact.hasKnownOutage ?? false,
      now: contact.now,
    },
    policy.config,
  );
  return {
    ...result,
    policyVersion: policy.version,
    segment: customer.segment,
    personalManagerId: customer.personalManagerId,
    assignedToId: result.decision === "PERSONAL_MANAGER" ? customer.personalManagerId : null,
    isRepeatContact: earlier !== null,
  };
}

/** The status a routed request waits in. */
export function statusForDecision(decision: RoutingResult["decision"]): "SELF_SERVICE" | "QUEUED" | "ASSIGNED" {
  return decision === "SELF_SERVICE" ? "SELF_SERVICE" : decision === "PERSONAL_MANAGER" ? "ASSIGNED" : "QUEUED";
}

/** Event notes as the seeded history writes them, so every timeline reads alike. */
export const ROUTED_NOTE = {
  SELF_SERVICE: "Offered knowledge articles",
  QUEUED: "Routed to the agent queue",
  ASSIGNED: "Assigned to the personal manager",
} as const;
