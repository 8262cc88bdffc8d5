import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../server/api/root";
import { loadSession, signIn } from "../../server/auth/sign-in";
import { requestCode } from "../../server/domain/identity/one-time-code.service";
import { verifyPassword } from "../../server/domain/identity/password";
import type { SessionUser } from "../../server/domain/identity/session-user";
import { callerAs, DEMO, sessionFor, userIdOf } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { fieldErrorsOf } from "./helpers/trpc-errors";
import { demoTotpCode } from "../../server/domain/identity/totp";

const NEW_PASSWORD = "violet-harbour-lamp-42";
const OTHER_PASSWORD = "quiet-orchard-kettle-77";
let nextIp = 1;
const freshIp = () => `203.0.113.${nextIp++}`;

let subscribers: { id: string; phone: string; customerId: string }[] = [];
const takeSubscriber = () => subscribers.shift()!;

beforeAll(async () => {
  const rows = await testDb().user.findMany({
    where: { role: "SUBSCRIBER", phone: { startsWith: "+7" }, NOT: { phone: { startsWith: "+7900100000" } } },
    orderBy: { phone: "desc" },
    take: 12,
    select: { id: true, phone: true, customerId: true },
  });
  subscribers = rows.map((row) => ({ id: row.id, phone: row.phone!, customerId: row.customerId! }));
});

async function sendCode(phone: string, purpose: "SIGN_IN" | "RESET_PASSWORD", at = new Date()): Promise<string> {
  await requestCode(testDb(), { phone, purpose, ip: freshIp(), locale: "ru", channel: "WEB" }, at);
  const message = await testDb().smsMessage.findFirstOrThrow({ where: { to: phone }, orderBy: { createdAt: "desc" } });
  return message.body.match(/\d{6}/)![0];
}

/** A caller signed in as the user behind a session row made here. */
async function callerWithSession(userId: string) {
  const user = await testDb().user.findUniqueOrThrow({ where: { id: userId } });
  const session = await testDb().authSession.create({
    data: { userId, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  const sessionUser: SessionUser = {
    id: user.id,
    sessionId: session.id,
    role: user.role,
    name: user.name,
    locale: user.locale,
    customerId: user.customerId,
    partnerId: user.partnerId,
  };
  return { caller: createCaller({ db: testDb(), session: sessionUser, ip: freshIp(), channel: "WEB" }), sessionUser };
}

async function openSessions(userId: string): Promise<number> {
  return testDb().authSession.count({ where: { userId, revokedAt: null } });
}

describe("auth.resetPassword", () => {
  it("refuses bad input with BAD_REQUEST on the field", async () => {
    const anonymous = await callerAs(null, { ip: freshIp() });
    expect(
      await fieldErrorsOf(anonymous.auth.resetPassword({ phone: "nope", code: "123456", newPassword: NEW_PASSWORD })),
    ).toHaveProperty("phone");
    expect(
      await fieldErrorsOf(
        anonymous.auth.resetPassword({ phone: "+79001000001", code: "12", newPassword: NEW_PASSWORD }),
      ),
    ).toHaveProperty("code");
    expect(
      await fieldErrorsOf(
        anonymous.auth.resetPassword({ phone: "+79001000001", code: "123456", newPassword: "short" }),
      ),
    ).toHaveProperty("newPassword");
    expect(
      await fieldErrorsOf(
        anonymous.auth.resetPassword({ phone: "+79001000001", code: "123456", newPassword: "password123" }),
      ),
    ).toHaveProperty("newPassword");
  });

  it("sets the password with a RESET code, ends every session, and records it; the code then is gone", async () => {
    const db = testDb();
    const subscriber = takeSubscriber();
    await callerWithSession(subscriber.id);
    await callerWithSession(subscriber.id);
    expect(await openSessions(subscriber.id)).toBe(2);
    const code = await sendCode(subscriber.phone, "RESET_PASSWORD");
    const anonymous = await callerAs(null, { ip: freshIp() });

    // A wrong code first: refused on the field, and nothing changes.
    const wrong = code === "000000" ? "000001" : "000000";
    expect(
      await fieldErrorsOf(
        anonymous.auth.resetPassword({ phone: subscriber.phone, code: wrong, newPassword: NEW_PASSWORD }),
      ),
    ).toHaveProperty("code");

    const result = await anonymous.auth.resetPassword({ phone: subscriber.phone, code, newPassword: NEW_PASSWORD });
    expect(result).toEqual({ phone: subscriber.phone, sessionsEnded: 2 });
    expect(await openSessions(subscriber.id)).toBe(0);
    expect((await signIn(db, { identifier: subscriber.phone, password: NEW_PASSWORD, ip: freshIp() })).ok).toBe(true);
    expect(await db.interaction.count({ where: { customerId: subscriber.customerId, type: "PASSWORD_RESET" } })).toBe(
      1,
    );

    // The same request again (a retry) answers the same and changes nothing.
    expect(await anonymous.auth.resetPassword({ phone: subscriber.phone, code, newPassword: NEW_PASSWORD })).toEqual({
      phone: subscriber.phone,
      sessionsEnded: 0,
    });
    // The used code cannot set another password.
    expect(
      await fieldErrorsOf(anonymous.auth.resetPassword({ phone: subscriber.phone, code, newPassword: OTHER_PASSWORD })),
    ).toHaveProperty("code");
    const user = await db.user.findUniqueOrThrow({ where: { id: subscriber.id } });
    expect(await verifyPassword(user.passwordHash!, NEW_PASSWORD)).toBe(true);
  });

  it("refuses an expired RESET code and a SIGN_IN code", async () => {
    const subscriber = takeSubscriber();
    const stale = await sendCode(subscriber.phone, "RESET_PASSWORD", new Date(Date.now() - 6 * 60_000));
    const signInCode = await sendCode(subscriber.phone, "SIGN_IN");
    expect(signInCode).not.toBe(undefined);
    const anonymous = await callerAs(null, { ip: freshIp() });
    expect(
      await fieldErrorsOf(
        anonymous.auth.resetPassword({ phone: subscriber.phone, code: stale, newPassword: NEW_PASSWORD }),
      ),
    ).toHaveProperty("code");
    expect(
      await fieldErrorsOf(
        anonymous.auth.resetPassword({ phone: subscriber.phone, code: signInCode, newPassword: NEW_PASSWORD }),
      ),
    ).toHaveProperty("code");
    expect(await testDb().smsMessage.count({ where: { to: subscriber.phone } })).toBe(2);
  });

  it("a staff member's phone gets no code and no reset, with the same answers", async () => {
    const db = testDb();
    const staffPhone = "+79008880011";
    await db.user.update({ where: { email: DEMO.agent2 }, data: { phone: staffPhone } });
    const anonymous = await callerAs(null, { ip: freshIp() });
    expect(await anonymous.auth.requestCode({ phone: staffPhone, purpose: "RESET_PASSWORD" })).toEqual({
      retryAfterSeconds: 60,
    });
    expect(await db.smsMessage.count({ where: { to: staffPhone } })).toBe(0);
    expect(
      await fieldErrorsOf(
        anonymous.auth.resetPassword({ phone: staffPhone, code: "123456", newPassword: NEW_PASSWORD }),
      ),
    ).toHaveProperty("code");
    await db.user.update({ where: { email: DEMO.agent2 }, data: { phone: null } });
  });

  it("a subscriber who never had a password gets in by code and sets one", async () => {
    const db = testDb();
    const subscriber = takeSubscriber();
    await db.user.update({ where: { id: subscriber.id }, data: { passwordHash: null } });
    const start = Date.now();

    const signInCode = await sendCode(subscriber.phone, "SIGN_IN", new Date(start));
    const signedIn = await signIn(db, { identifier: subscriber.phone, code: signInCode, ip: freshIp() });
    expect(signedIn.ok).toBe(true);
    if (!signedIn.ok) return;

    const caller = createCaller({ db, session: signedIn.user, ip: freshIp(), channel: "PWA" });
    // No password to give: the form asks for a fresh code.
    expect(
      await fieldErrorsOf(
        caller.account.changePassword({ currentPassword: "anything-at-all", newPassword: NEW_PASSWORD }),
      ),
    ).toHaveProperty("currentPassword");
    const fresh = await sendCode(subscriber.phone, "SIGN_IN", new Date(start + 61_000));
    expect(await caller.account.changePassword({ code: fresh, newPassword: NEW_PASSWORD })).toEqual({
      sessionsEnded: 0,
    });
    expect((await signIn(db, { identifier: subscriber.phone, password: NEW_PASSWORD, ip: freshIp() })).ok).toBe(true);
    expect(await loadSession(db, signedIn.user.sessionId)).not.toBeNull();
  });
});

describe("account.changePassword", () => {
  it("refuses bad input with BAD_REQUEST on the field", async () => {
    const caller = await callerAs(DEMO.bronze);
    expect(await fieldErrorsOf(caller.account.changePassword({ newPassword: NEW_PASSWORD }))).toHaveProperty(
      "currentPassword",
    );
    expect(
      await fieldErrorsOf(caller.account.changePassword({ currentPassword: "selfcare-demo", newPassword: "1234567" })),
    ).toHaveProperty("newPassword");
    expect(
      await fieldErrorsOf(
        caller.account.changePassword({ currentPassword: "wrong-password", newPassword: NEW_PASSWORD }),
      ),
    ).toHaveProperty("currentPassword");
    expect(
      await fieldErrorsOf(caller.account.changePassword({ code: "000000", newPassword: NEW_PASSWORD })),
    ).toHaveProperty("code");
    await expect((await callerAs(null)).account.changePassword({ newPassword: NEW_PASSWORD })).toHaveTRPCCode(
      "UNAUTHORIZED",
    );
  });

  it("after the current password: the other sessions end, the caller's stays, and it is recorded", async () => {
    const db = testDb();
    const subscriber = takeSubscriber();
    const other = await callerWithSession(subscriber.id);
    const { caller, sessionUser } = await callerWithSession(subscriber.id);
    await db.user.update({
      where: { id: subscriber.id },
      data: { passwordHash: (await db.user.findUniqueOrThrow({ where: { email: DEMO.admin } })).passwordHash },
    });

    expect(
      await caller.account.changePassword({ currentPassword: "selfcare-demo", newPassword: NEW_PASSWORD }),
    ).toEqual({
      sessionsEnded: 1,
    });
    expect(await loadSession(db, sessionUser.sessionId)).not.toBeNull();
    expect(await loadSession(db, other.sessionUser.sessionId)).toBeNull();
    expect((await signIn(db, { identifier: subscriber.phone, password: NEW_PASSWORD, ip: freshIp() })).ok).toBe(true);
    expect((await signIn(db, { identifier: subscriber.phone, password: "selfcare-demo", ip: freshIp() })).ok).toBe(
      false,
    );
    const recorded = await db.interaction.findFirstOrThrow({
      where: { customerId: subscriber.customerId, type: "PASSWORD_CHANGED" },
    });
    expect(recorded.data).toEqual({ by: "CURRENT_PASSWORD", sessionsEnded: 1 });
    // A retry of the same change answers the same.
    expect(
      await caller.account.changePassword({ currentPassword: "selfcare-demo", newPassword: NEW_PASSWORD }),
    ).toEqual({
      sessionsEnded: 0,
    });
  });

  it("a staff member's change is audited", async () => {
    const db = testDb();
    const userId = await userIdOf(DEMO.dealer2);
    const { caller } = await callerWithSession(userId);
    await caller.account.changePassword({ currentPassword: "selfcare-demo", newPassword: NEW_PASSWORD });
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: userId, action: "user.passwordChange" } });
    expect(entry.actorId).toBe(userId);
    expect(JSON.stringify(entry)).not.toContain(NEW_PASSWORD);
    // Staff cannot use a code.
    expect(
      await fieldErrorsOf(caller.account.changePassword({ code: "123456", newPassword: OTHER_PASSWORD })),
    ).toHaveProperty("code");
  });
});

describe("a supervisor's reset link for staff", () => {
  it("is shown once, stored hashed, works once, ends the sessions and is audited", async () => {
    const db = testDb();
    const agentId = await userIdOf(DEMO.agent1);
    await sessionFor(DEMO.agent1);
    const admin = await callerAs(DEMO.admin);
    const link = await admin.admin.users.resetPasswordLink({ userId: agentId });
    expect(link.url).toMatch(/\/reset\/[A-Za-z0-9_-]{40,}$/);
    const token = link.path.split("/").pop()!;
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId: agentId, usedAt: null } });
    expect(stored.tokenHash).not.toContain(token);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: agentId, action: "user.passwordResetLink" },
    });
    expect(JSON.stringify(audit)).not.toContain(token);

    const anonymous = await callerAs(null, { ip: freshIp() });
    expect(
      await fieldErrorsOf(anonymous.auth.resetPasswordWithLink({ token, newPassword: "qwerty123" })),
    ).toHaveProperty("newPassword");
    expect(await anonymous.auth.resetPasswordWithLink({ token, newPassword: NEW_PASSWORD })).toEqual({
      email: DEMO.agent1,
    });
    expect(await openSessions(agentId)).toBe(0);
    expect(
      (await signIn(db, { identifier: DEMO.agent1, password: NEW_PASSWORD, totp: await demoTotpCode(), ip: freshIp() }))
        .ok,
    ).toBe(true);
    expect(
      await db.auditLog.count({ where: { entityId: agentId, action: "user.passwordReset", actorId: agentId } }),
    ).toBe(1);

    expect(
      await fieldErrorsOf(anonymous.auth.resetPasswordWithLink({ token, newPassword: OTHER_PASSWORD })),
    ).toHaveProperty("token");
  });

  it("a new link replaces the old one; an expired link and a subscriber are refused", async () => {
    const db = testDb();
    const agentId = await userIdOf(DEMO.agent2);
    const admin = await callerAs(DEMO.admin);
    const first = await admin.admin.users.resetPasswordLink({ userId: agentId });
    const second = await admin.admin.users.resetPasswordLink({ userId: agentId });
    const anonymous = await callerAs(null, { ip: freshIp() });
    const tokenOf = (link: { path: string }) => link.path.split("/").pop()!;
    expect(
      await fieldErrorsOf(anonymous.auth.resetPasswordWithLink({ token: tokenOf(first), newPassword: NEW_PASSWORD })),
    ).toHaveProperty("token");
    await db.passwordResetToken.updateMany({
      where: { userId: agentId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(
      await fieldErrorsOf(anonymous.auth.resetPasswordWithLink({ token: tokenOf(second), newPassword: NEW_PASSWORD })),
    ).toHaveProperty("token");

    await expect(admin.admin.users.resetPasswordLink({ userId: await userIdOf(DEMO.silver) })).toHaveTRPCCode(
      "NOT_FOUND",
    );
    await expect((await callerAs(DEMO.agent1)).admin.users.resetPasswordLink({ userId: agentId })).toHaveTRPCCode(
      "FORBIDDEN",
    );
  });
});
