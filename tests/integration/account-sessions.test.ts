/**
 * Sessions you can see and end (issue 14): account.sessions, account.signOutSession and
 * account.signOutOthers for every role, what an ended session can still do (nothing), how the
 * actions are recorded, and "last seen" moving on only when stale.
 */
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { createContext } from "../../server/api/context";
import { createCaller } from "../../server/api/root";
import type { Channel } from "../../server/api/trpc";
import { LAST_SEEN_EVERY_MS, loadSession, signIn } from "../../server/auth/sign-in";
import { DEMO, customerIdOf, userIdOf } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { fieldErrorsOf } from "./helpers/trpc-errors";
import { demoTotpCode } from "../../server/domain/identity/totp";

const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.39 Mobile Safari/537.36";
const WINDOWS_FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SECRET = "sessions-test-secret";

/** Signs in for real (the row as sign-in writes it: address, user agent) and returns a caller on that session. */
async function signedIn(identifier: string, device: { ip: string; userAgent: string; channel?: Channel }, now?: Date) {
  const result = await signIn(
    testDb(),
    {
      identifier,
      password: "selfcare-demo",
      // Staff pass the demo second factor; subscribers ignore it.
      totp: identifier.includes("@") ? await demoTotpCode(now) : undefined,
      ip: device.ip,
      userAgent: device.userAgent,
    },
    now,
  );
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  const caller = createCaller({
    db: testDb(),
    session: result.user,
    ip: device.ip,
    channel: device.channel ?? "WEB",
  });
  return { caller, sessionId: result.user.sessionId, userId: result.user.id };
}

/** A caller as the web server builds it for a request carrying this session's cookie. */
async function callerFromCookie(sessionId: string) {
  process.env.NEXTAUTH_SECRET = SECRET;
  const value = await encode({ token: { sid: sessionId }, secret: SECRET });
  const ctx = await createContext({
    cookies: { getAll: () => [{ name: "next-auth.session-token", value }] },
    headers: new Headers({ "x-selfcare-client-ip": "198.51.100.9" }),
  });
  return createCaller(ctx);
}

describe("account.sessions", () => {
  it("lists the caller's open sessions, newest activity first, the calling one marked current", async () => {
    const db = testDb();
    const older = new Date(Date.now() - 60 * 60 * 1000);
    const phone = await signedIn(DEMO.bronze, { ip: "198.51.100.1", userAgent: ANDROID_CHROME }, older);
    const laptop = await signedIn(DEMO.bronze, { ip: "198.51.100.2", userAgent: WINDOWS_FIREFOX });
    // Another subscriber's session and an ended one of the caller's are not listed.
    const stranger = await signedIn(DEMO.platinum, { ip: "198.51.100.3", userAgent: WINDOWS_FIREFOX });
    const ended = await signedIn(DEMO.bronze, { ip: "198.51.100.4", userAgent: WINDOWS_FIREFOX });
    await db.authSession.update({ where: { id: ended.sessionId }, data: { revokedAt: new Date() } });
    await db.authSession.update({ where: { id: phone.sessionId }, data: { channel: "PWA" } });

    const { items } = await laptop.caller.account.sessions();
    const ids = items.map((item) => item.id);
    expect(ids).toContain(phone.sessionId);
    expect(ids).not.toContain(stranger.sessionId);
    expect(ids).not.toContain(ended.sessionId);
    expect(ids.indexOf(laptop.sessionId)).toBeLessThan(ids.indexOf(phone.sessionId));
    expect(items.filter((item) => item.current).map((item) => item.id)).toEqual([laptop.sessionId]);
    expect(items.find((item) => item.id === laptop.sessionId)).toMatchObject({
      current: true,
      ip: "198.51.100.2",
      device: { kind: "BROWSER", browser: "Firefox 133", os: "Windows 10" },
    });
    const phoneItem = items.find((item) => item.id === phone.sessionId)!;
    expect(phoneItem).toMatchObject({
      current: false,
      ip: "198.51.100.1",
      device: { kind: "APP", browser: "Chrome 131", os: "Android 14", platform: "mobile" },
    });
    expect(phoneItem.lastSeenAt.getTime()).toBe(older.getTime());

    // The same list from the other device marks that one current.
    const fromPhone = await phone.caller.account.sessions();
    expect(fromPhone.items.filter((item) => item.current).map((item) => item.id)).toEqual([phone.sessionId]);
  });

  it.each([DEMO.agent1, DEMO.dealer1, DEMO.admin])("is there for staff too (%s)", async (identifier) => {
    const { caller, sessionId } = await signedIn(identifier, { ip: "10.0.0.8", userAgent: WINDOWS_FIREFOX });
    const { items } = await caller.account.sessions();
    expect(items.find((item) => item.current)?.id).toBe(sessionId);
  });

  it("needs a session", async () => {
    const anonymous = createCaller({ db: testDb(), session: null, ip: "198.51.100.9", channel: "WEB" });
    await expect(anonymous.account.sessions()).toHaveTRPCCode("UNAUTHORIZED");
    await expect(anonymous.account.signOutSession({ id: "x" })).toHaveTRPCCode("UNAUTHORIZED");
    await expect(anonymous.account.signOutOthers()).toHaveTRPCCode("UNAUTHORIZED");
  });
});

describe("account.signOutSession", () => {
  it("ends another device's session: it no longer authenticates; recorded as the customer's interaction", async () => {
    const db = testDb();
    const phone = await signedIn(DEMO.silver, { ip: "198.51.100.11", userAgent: ANDROID_CHROME });
    const laptop = await signedIn(DEMO.silver, { ip: "198.51.100.12", userAgent: WINDOWS_FIREFOX });
    expect((await (await callerFromCookie(phone.sessionId)).me.get()).id).toBe(phone.userId);

    expect(await laptop.caller.account.signOutSession({ id: phone.sessionId })).toEqual({
      id: phone.sessionId,
      current: false,
    });
    expect(await loadSession(db, phone.sessionId)).toBeNull();
    await expect((await callerFromCookie(phone.sessionId)).me.get()).toHaveTRPCCode("UNAUTHORIZED");
    expect((await laptop.caller.account.sessions()).items.map((item) => item.id)).not.toContain(phone.sessionId);
    expect(await loadSession(db, laptop.sessionId)).not.toBeNull();

    const interactions = await db.interaction.findMany({
      where: { customerId: await customerIdOf(DEMO.silver), type: "SESSION_SIGNED_OUT" },
    });
    expect(interactions).toHaveLength(1);
    expect(interactions[0]).toMatchObject({ channel: "WEB", actorId: laptop.userId });
    expect(interactions[0]!.data).toMatchObject({ sessionId: phone.sessionId, ip: "198.51.100.11" });

    // A retry changes nothing and records nothing more.
    await laptop.caller.account.signOutSession({ id: phone.sessionId });
    expect(await db.interaction.count({ where: { type: "SESSION_SIGNED_OUT", actorId: laptop.userId } })).toBe(1);
  });

  it("answers NOT_FOUND for another user's session or an unknown id, and ends nothing", async () => {
    const db = testDb();
    const mine = await signedIn(DEMO.silver, { ip: "198.51.100.13", userAgent: WINDOWS_FIREFOX });
    const theirs = await signedIn(DEMO.platinum, { ip: "198.51.100.14", userAgent: WINDOWS_FIREFOX });
    await expect(mine.caller.account.signOutSession({ id: theirs.sessionId })).toHaveTRPCCode("NOT_FOUND");
    await expect(mine.caller.account.signOutSession({ id: "c-no-such-session" })).toHaveTRPCCode("NOT_FOUND");
    expect(await loadSession(db, theirs.sessionId)).not.toBeNull();
    // Staff cannot end a subscriber's session through their own list either.
    const agent = await signedIn(DEMO.agent2, { ip: "10.0.0.9", userAgent: WINDOWS_FIREFOX });
    await expect(agent.caller.account.signOutSession({ id: theirs.sessionId })).toHaveTRPCCode("NOT_FOUND");
    expect(await loadSession(db, theirs.sessionId)).not.toBeNull();
    expect(Object.keys(await fieldErrorsOf(mine.caller.account.signOutSession({ id: "" })))).toContain("id");
  });

  it("may end the calling session itself, which signs the caller out", async () => {
    const db = testDb();
    const me = await signedIn(DEMO.silver, { ip: "198.51.100.15", userAgent: WINDOWS_FIREFOX });
    expect(await me.caller.account.signOutSession({ id: me.sessionId })).toEqual({ id: me.sessionId, current: true });
    expect(await loadSession(db, me.sessionId)).toBeNull();
    await expect((await callerFromCookie(me.sessionId)).account.sessions()).toHaveTRPCCode("UNAUTHORIZED");
  });

  it("is audited for staff, with the address of the request", async () => {
    const db = testDb();
    const desk = await signedIn(DEMO.agent1, { ip: "10.0.0.21", userAgent: WINDOWS_FIREFOX });
    const other = await signedIn(DEMO.agent1, { ip: "10.0.0.22", userAgent: ANDROID_CHROME });
    await desk.caller.account.signOutSession({ id: other.sessionId });
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "session.signOut", entityId: other.sessionId },
    });
    expect(entry).toMatchObject({
      actorId: desk.userId,
      actorRole: "AGENT",
      ip: "10.0.0.21",
      entityType: "AuthSession",
    });
    expect(await db.interaction.count({ where: { type: "SESSION_SIGNED_OUT", actorId: desk.userId } })).toBe(0);
  });
});

describe("account.signOutOthers", () => {
  it("ends every other open session of the caller and keeps the current one", async () => {
    const db = testDb();
    const a = await signedIn(DEMO.platinum, { ip: "198.51.100.21", userAgent: WINDOWS_FIREFOX, channel: "PWA" });
    const b = await signedIn(DEMO.platinum, { ip: "198.51.100.22", userAgent: ANDROID_CHROME });
    const c = await signedIn(DEMO.platinum, { ip: "198.51.100.23", userAgent: ANDROID_CHROME });
    const stranger = await signedIn(DEMO.bronze, { ip: "198.51.100.24", userAgent: ANDROID_CHROME });

    const { ended } = await a.caller.account.signOutOthers();
    expect(ended).toBeGreaterThanOrEqual(2);
    expect(await loadSession(db, a.sessionId)).not.toBeNull();
    expect(await loadSession(db, b.sessionId)).toBeNull();
    expect(await loadSession(db, c.sessionId)).toBeNull();
    expect(await loadSession(db, stranger.sessionId)).not.toBeNull();
    await expect((await callerFromCookie(b.sessionId)).me.get()).toHaveTRPCCode("UNAUTHORIZED");
    expect((await a.caller.account.sessions()).items.map((item) => item.id)).toEqual([a.sessionId]);

    const recorded = await db.interaction.findMany({
      where: { customerId: await customerIdOf(DEMO.platinum), type: "OTHER_SESSIONS_SIGNED_OUT" },
    });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ channel: "PWA", data: { ended, keptSessionId: a.sessionId } });

    // Nothing left to end: nothing changes, nothing more is recorded.
    expect(await a.caller.account.signOutOthers()).toEqual({ ended: 0 });
    expect(await db.interaction.count({ where: { type: "OTHER_SESSIONS_SIGNED_OUT" } })).toBe(1);
  });

  it("is audited for a supervisor", async () => {
    const db = testDb();
    const one = await signedIn(DEMO.admin, { ip: "10.0.0.31", userAgent: WINDOWS_FIREFOX });
    const two = await signedIn(DEMO.admin, { ip: "10.0.0.32", userAgent: WINDOWS_FIREFOX });
    await one.caller.account.signOutOthers();
    expect(await loadSession(db, two.sessionId)).toBeNull();
    expect(
      await db.auditLog.count({
        where: { action: "session.signOutOthers", actorId: await userIdOf(DEMO.admin), ip: "10.0.0.31" },
      }),
    ).toBe(1);
  });
});

describe("last seen", () => {
  it("moves on only when stale, with no write in between; the installed app's first request marks it the app", async () => {
    const db = testDb();
    const start = new Date(Date.now() - 60 * 60 * 1000);
    const { sessionId } = await signedIn(DEMO.bronze, { ip: "198.51.100.41", userAgent: ANDROID_CHROME }, start);
    const lastSeen = async () =>
      (await db.authSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt.getTime();
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(await lastSeen()).toBe(start.getTime());

    await loadSession(db, sessionId, { now: at(60_000) });
    await loadSession(db, sessionId, { now: at(LAST_SEEN_EVERY_MS - 1) });
    expect(await lastSeen()).toBe(start.getTime());

    expect(await loadSession(db, sessionId, { now: at(LAST_SEEN_EVERY_MS) })).not.toBeNull();
    expect(await lastSeen()).toBe(at(LAST_SEEN_EVERY_MS).getTime());

    await loadSession(db, sessionId, { now: at(LAST_SEEN_EVERY_MS + 60_000) });
    expect(await lastSeen()).toBe(at(LAST_SEEN_EVERY_MS).getTime());

    const row = () => db.authSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect((await row()).channel).toBe("WEB");
    await loadSession(db, sessionId, { now: at(2 * LAST_SEEN_EVERY_MS), channel: "PWA" });
    expect(await row()).toMatchObject({ channel: "PWA", lastSeenAt: at(2 * LAST_SEEN_EVERY_MS) });
    // A later page request without the app's header does not make it a browser again.
    await loadSession(db, sessionId, { now: at(4 * LAST_SEEN_EVERY_MS), channel: "WEB" });
    expect(await row()).toMatchObject({ channel: "PWA", lastSeenAt: at(4 * LAST_SEEN_EVERY_MS) });
  });
});
