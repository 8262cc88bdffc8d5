import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../../db/client";
import { writeAudit, type AuditActor } from "../audit/write-audit.service";
import { badRequest, notFound } from "../errors";
import { AUTH_MESSAGES } from "../identity/auth.schema";
import { assertAcceptablePassword } from "../identity/common-passwords";
import { clearThrottle } from "../identity/login-throttle.service";
import { hashPassword } from "../identity/password";
import { STAFF_ROLES } from "./admin.schema";

/** How long a reset link works. */
export const RESET_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** 256 random bits: a plain SHA-256 is enough to keep the stored form useless to a reader of the table. */
function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * `admin.users.resetPasswordLink`: a one-time link for a staff member to set a new password
 * (staff never recover by SMS). The token is shown once, in this answer; only its hash is
 * stored. A new link replaces the staff member's earlier ones. Audited, without the token.
 */
export async function createPasswordResetLink(db: Database, actor: AuditActor, userId: string, now = new Date()) {
  const user = await db.user.findFirst({
    where: { id: userId, role: { in: [...STAFF_ROLES] } },
    select: { id: true, name: true, email: true },
  });
  if (!user) throw notFound("User");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_LINK_TTL_MS);
  await db.$transaction(async (tx) => {
    const { count: openLinks } = await tx.passwordResetToken.updateMany({
      where: { userId, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await tx.passwordResetToken.create({
      data: { userId, tokenHash: hashToken(token), createdById: actor.id, createdAt: now, expiresAt },
    });
    await writeAudit(tx, actor, {
      action: "user.passwordResetLink",
      entityType: "User",
      entityId: userId,
      // Links still open before this one; they stop working now.
      before: { openLinks },
      after: { openLinks: 1, expiresAt: expiresAt.toISOString() },
    });
  });
  const path = `/reset/${token}`;
  const base = process.env.NEXTAUTH_URL?.replace(/\/$/, "") ?? "";
  return { url: `${base}${path}`, path, expiresAt, user };
}

/**
 * `auth.resetPasswordWithLink`: the staff member sets a new password with the link's token. The
 * link works once; every session of the account ends; the audit log records it as the staff
 * member's own action.
 */
export async function resetPasswordWithLink(
  db: Database,
  input: { token: string; newPassword: string; ip: string },
  now = new Date(),
): Promise<{ email: string | null }> {
  const tokenHash = hashToken(input.token.trim());
  const link = await db.passwordResetToken.findUnique({
    where: { tokenHash },
    include: { user: { select: { id: true, role: true, email: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= now) throw badRequest("token", AUTH_MESSAGES.link);
  assertAcceptablePassword(input.newPassword, "newPassword", [link.user.email ?? ""]);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    const used = await tx.passwordResetToken.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (used.count !== 1) throw badRequest("token", AUTH_MESSAGES.link);
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash } });
    const ended = await tx.authSession.updateMany({
      where: { userId: link.userId, revokedAt: null },
      data: { revokedAt: now },
    });
    await writeAudit(
      tx,
      { id: link.user.id, role: link.user.role, ip: input.ip },
      {
        action: "user.passwordReset",
        entityType: "User",
        entityId: link.userId,
        before: null,
        after: { by: "LINK", linkId: link.id, sessionsEnded: ended.count },
      },
    );
  });
  if (link.user.email) await clearThrottle(db, link.user.email);
  return { email: link.user.email };
}
