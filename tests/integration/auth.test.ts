import { describe, expect, it } from "vitest";
import { createDatabase } from "../../server/db/client";
import { clearThrottle, lockDurationMs } from "../../server/domain/identity/login-throttle.service";
import { endSession, loadSession, signIn } from "../../server/auth/sign-in";
import { demoTotpCode } from "../../server/domain/identity/totp";
import { DEMO } from "./helpers/callers";
import { testDatabaseUrl, testDb } from "./helpers/db";

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
  it("locks an identifier after 10 consecutive failures and says when to retry", async () => {
    const now = at("2026-11-26T10:00:00Z");
    await failTimes(DEMO.bronze, "203.0.113.9", 9, now);
    const ninth = await signIn(testDb(), { identifier: DEMO.bronze, password: PASSWORD, ip: "203.0.113.9" }, now);
    expect(ninth.ok).toBe(true); // 9 failures then the right password: allowed, counters reset

    await failTimes(DEMO.bronze, "203.0.113.9", 10, now);
    const locked = await signIn(testDb(), { identifier: DEMO.bronze, password: PASSWORD, ip: "203.0.113.9" }, now);
    expect(locked).toEqual({ ok: false, reason: "THROTTLED", retryAt: new Date(now.getTime() + lockDurationMs(0)) });
    await clearThrottle(testDb(), DEMO.bronze);
  });

  it("lets the owner in from another address once the interval passes, while the attacker's lock grows", async () => {
    const identifier = "+79001000003";
    const attacker = "198.51.100.66";
    const owner = "192.0.2.10";
    const t0 = at("2026-11-26T11:00:00Z");
    await clearThrottle(testDb(), identifier); // earlier tests in this file failed on it too
    await failTimes(identifier, attacker, 10, t0);

    const during = await signIn(testDb(), { identifier, password: PASSWORD, ip: owner }, new Date(t0.getTime() + 1000));
    expect(during.ok).toBe(false);
    expect(!during.ok && during.reason).toBe("THROTTLED");

    const after = new Date(t0.getTime() + lockDurationMs(0) + 1000);
    const ownerAfter = await signIn(testDb(), { identifier, password: PASSWORD, ip: owner }, after);
    expect(ownerAfter.ok).toBe(true);

    // The attacker keeps failing from its address: its next lock is twice as long.
    await failTimes(identifier, attacker, 10, after);
    const attackerLocked = await signIn(testDb(), { identifier, password: "guess", ip: attacker }, after);
    expect(!attackerLocked.ok && attackerLocked.reason === "THROTTLED" && attackerLocked.retryAt).toEqual(
      new Date(after.getTime() + lockDurationMs(1)),
    );
    await clearThrottle(testDb(), identifier);
  });

  it("counts concurrent failures and survives a restart (a new client sees the lock)", async () => {
    const identifier = "nobody@example.com";
    const now = at("2026-11-26T12:00:00Z");
    await Promise.all(
      Array.from({ length: 10 }, () => signIn(testDb(), { identifier, password: "x", ip: "203.0.113.50" }, now)),
    );
    const otherInstance = createDatabase(testDatabaseUrl(), { max: 1 });
    try {
      const result = await signIn(otherInstance, { identifier, password: "x", ip: "203.0.113.51" }, now);
      expect(!result.ok && result.reason).toBe("THROTTLED");
    } finally {
      await otherInstance.$disconnect();
    }
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
