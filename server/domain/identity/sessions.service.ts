import "server-only";
import type { Channel, Prisma, Role } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { writeAudit } from "../audit/write-audit.service";
import { notFound } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { describeDevice } from "./device";
import type { SignOutSessionInput } from "./sessions.schema";

/** More open sessions than this are not listed (each sign-in opens one; they end within 12 hours). */
const MAX_LISTED = 100;

/** Who acts on their own sessions: the signed-in user, the session they call from, and from where. */
export type SessionOwner = {
  id: string;
  role: Role;
  ip: string;
  customerId: string | null;
  sessionId: string;
  channel: Channel;
};

/** Open: not ended, not expired. */
function openSessionsOf(userId: string, now: Date): Prisma.AuthSessionWhereInput {
  return { userId, revokedAt: null, expiresAt: { gt: now } };
}

/**
 * What the user did is recorded where their role's actions are: a subscriber's in the customer's
 * interaction history (an agent sees it in the customer 360), staff's in the audit log.
 */
export async function recordSessionAction(
  tx: Transaction,
  owner: SessionOwner,
  action: {
    interaction: string;
    audit: string;
    entityType: string;
    entityId: string;
    data: Prisma.InputJsonObject;
    /** For the audit log: what the action changed, before and after (null before a creation, after a deletion). */
    before: Prisma.InputJsonObject | null;
    after: Prisma.InputJsonObject | null;
  },
) {
  if (owner.role === "SUBSCRIBER" && owner.customerId) {
    await recordInteraction(tx, {
      customerId: owner.customerId,
      channel: owner.channel,
      type: action.interaction,
      actorId: owner.id,
      data: action.data,
    });
    return;
  }
  await writeAudit(tx, owner, {
    action: action.audit,
    entityType: action.entityType,
    entityId: action.entityId,
    before: action.before,
    after: action.after,
  });
}

/** The caller's open sessions, the most recently active first; `current` marks the one calling. */
export async function listOwnSessions(db: Database, owner: SessionOwner, now = new Date()) {
  const rows = await db.authSession.findMany({
    where: openSessionsOf(owner.id, now),
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    take: MAX_LISTED,
    select: { id: true, ip: true, userAgent: true, channel: true, lastSeenAt: true, createdAt: true },
  });
  return {
    items: rows.map((row) => ({
      id: row.id,
      current: row.id === owner.sessionId,
      device: describeDevice(row.userAgent, row.channel),
      ip: row.ip,
      lastSeenAt: row.lastSeenAt,
      signedInAt: row.createdAt,
    })),
  };
}

/**
 * Ends one of the caller's sessions: its next request is signed out, on every instance (the row is
 * the truth). Another user's or an unknown id is NOT_FOUND. Ending an already ended session of
 * one's own changes nothing and answers the same, so a retry is safe without a key.
 */
export async function signOutOwnSession(
  db: Database,
  owner: SessionOwner,
  input: SignOutSessionInput,
  now = new Date(),
) {
  await db.$transaction(async (tx) => {
    const session = await tx.authSession.findFirst({
      where: { id: input.id, userId: owner.id },
      select: { id: true, ip: true, userAgent: true, channel: true },
    });
    if (!session) throw notFound("Session");
    const ended = await tx.authSession.updateMany({
      where: { id: session.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (ended.count === 0) return;
    const device = describeDevice(session.userAgent, session.channel);
    await recordSessionAction(tx, owner, {
      interaction: "SESSION_SIGNED_OUT",
      audit: "session.signOut",
      entityType: "AuthSession",
      entityId: session.id,
      data: { sessionId: session.id, current: session.id === owner.sessionId, ip: session.ip, device },
      before: { sessionId: session.id, revokedAt: null },
      after: { sessionId: session.id, current: session.id === owner.sessionId, revokedAt: now.toISOString() },
    });
  });
  return { id: input.id, current: input.id === owner.sessionId };
}

/** Ends every open session of the caller but the one calling. Nothing left to end: nothing changes. */
export async function signOutOtherSessions(db: Database, owner: SessionOwner, now = new Date()) {
  return db.$transaction(async (tx) => {
    const ended = await tx.authSession.updateMany({
      where: { ...openSessionsOf(owner.id, now), id: { not: owner.sessionId } },
      data: { revokedAt: now },
    });
    if (ended.count > 0) {
      await recordSessionAction(tx, owner, {
        interaction: "OTHER_SESSIONS_SIGNED_OUT",
        audit: "session.signOutOthers",
        entityType: "User",
        entityId: owner.id,
        data: { ended: ended.count, keptSessionId: owner.sessionId },
        before: { openOtherSessions: ended.count },
        after: { openOtherSessions: 0, ended: ended.count, keptSessionId: owner.sessionId },
      });
    }
    return { ended: ended.count };
  });
}
