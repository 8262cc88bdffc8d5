import { describe, expect, it } from "vitest";
import { clearThrottle, lockDurationMs } from "../../server/domain/identity/login-throttle.service";
import { endSession, loadSession, signIn } from "../../server/auth/sign-in";
import { demoTotpCode } from "../../server/domain/identity/totp";
import { DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";

const PASSWORD = "selfcare-demo";
const at = (iso: string) => new Date(iso);

async function failTimes(identifier: string, ip: string, times: number, now: Date) {
  for (let i = 0; i < times; i++) {
    await signIn(testDb(), { identifier, password: "wrong-password", ip }, now);
  }
}

describe("sign-in", () => {
  it.each([
    [DEMO.platinum, "SUBSCRIBER"],
    [DEMO.bronze, "SUBSCRIBER"],
    [DEMO.silver, "SUBSCRIBER"],
    [DEMO.agent1, "AGENT"],
    [DEMO.agent2, "AGENT"],
    [DEMO.dealer1, "PARTNER"],
    [DEMO.dealer2, "PARTNER"],
    [DEMO.admin, "ADMIN"],
  ])("%s signs in as %s (staff with the demo TOTP)", async (identifier, role) => {
    // Subscribers have no second factor: a `totp` they send changes nothing.
    const result = await signIn(testDb(), {
      identifier,
      password: PASSWORD,
      totp: await demoTotpCode(),
      ip: "10.0.0.1",
    });
    expect(result.ok && result.user.role).toBe(role);
    expect(result.ok && result.user.secondFactorPending).toBeFalsy();
  });

  it.each([DEMO.agent1, DEMO.dealer1, DEMO.admin])("%s with the right password alone: TOTP_REQUIRED", async (who) => {
    const sessionsBefore = await testDb().authSession.count();
    expect(await signIn(testDb(), { identifier: who, password: PASSWORD, ip: "10.0.0.1" })).toEqual({
      ok: false,
      reason: "TOTP_REQUIRED",
    });
    expect(await testDb().authSession.count()).toBe(sessionsBefore);
  });

  it.each(["+7 900 100-00-01", "89001000001", "8 (900) 100 00 01", "9001000001"])(
    "accepts the phone written as %s",
    async (identifier) => {
      const result = await signIn(testDb(), { identifier, password: PASSWORD, ip: "10.0.0.2" });
      expect(result.ok).toBe(true);
    },
  );

  it("reads e-mail case-insensitively", async () => {
    const result = await signIn(testDb(), {
      identifier: " Agent1@SELFCARE.test ",
      password: PASSWORD,
      totp: await demoTotpCode(),
      ip: "10.0.0.3",
    });
    expect(result.ok && result.user.role).toBe("AGENT");
  });

  it("refuses a wrong password and an unknown user alike, with no session", async () => {
    const sessionsBefore = await testDb().authSession.count();
    const wrong = await signIn(testDb(), { identifier: DEMO.silver, password: "nope", ip: "10.0.0.4" });
    const unknown = await signIn(testDb(), { identifier: "+79990000000", password: PASSWORD, ip: "10.0.0.4" });
    expect(wrong).toEqual({ ok: false, reason: "INVALID" });
    expect(unknown).toEqual({ ok: false, reason: "INVALID" });
    expect(await testDb().authSession.count()).toBe(sessionsBefore);
  });

  it("refuses a locked account even with the right password", async () => {
    const user = await testDb().user.update({ where: { email: DEMO.agent2 }, data: { lockedAt: new Date() } });
    const result = await signIn(testDb(), { identifier: DEMO.agent2, password: PASSWORD, ip: "10.0.0.5" });
    expect(result).toEqual({ ok: false, reason: "ACCOUNT_LOCKED" });
    await testDb().user.update({ where: { id: user.id }, data: { lockedAt: null } });
  });
});

describe("login throttling", () => {
  it("locks an identifier on one address after 10 consecutive failures there and says when to retry (strangers elsewhere: no-lockout.test.ts)", async () => {
    const now = at("2026-11-26T10:00:00Z");
    await failTimes(DEMO.bronze, "203.0.113.9", 9, now);
    const ninth = await signIn(testDb(), { identifier: DEMO.bronze, password: PASSWORD, ip: "203.0.113.9" }, now);
    expect(ninth.ok).toBe(true); // 9 failures then the right password: allowed, counters reset

    await failTimes(DEMO.bronze, "203.0.113.9", 10, now);
    const locked = await signIn(testDb(), { identifier: DEMO.bronze, password: PASSWORD, ip: "203.0.113.9" }, now);
    expect(locked).toEqual({ ok: false, reason: "THROTTLED", retryAt: new Date(now.getTime() + lockDurationMs(0)) });
    await clearThrottle(testDb(), DEMO.bronze);
  });
});

describe("sessions", () => {
  it("signing out ends the session", async () => {
    const totp = await demoTotpCode();
    const result = await signIn(testDb(), { identifier: DEMO.admin, password: PASSWORD, totp, ip: "10.0.0.9" });
    if (!result.ok) throw new Error("sign-in failed");
    expect(await loadSession(testDb(), result.user.sessionId)).toMatchObject({ role: "ADMIN" });
    await endSession(testDb(), result.user.sessionId);
    expect(await loadSession(testDb(), result.user.sessionId)).toBeNull();
  });

  it("locking a user ends their open sessions", async () => {
    const totp = await demoTotpCode();
    const result = await signIn(testDb(), { identifier: DEMO.dealer2, password: PASSWORD, totp, ip: "10.0.0.10" });
    if (!result.ok) throw new Error("sign-in failed");
    await testDb().user.update({ where: { id: result.user.id }, data: { lockedAt: new Date() } });
    expect(await loadSession(testDb(), result.user.sessionId)).toBeNull();
    await testDb().user.update({ where: { id: result.user.id }, data: { lockedAt: null } });
  });
});
