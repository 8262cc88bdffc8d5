import { afterEach, describe, expect, it } from "vitest";
import { signIn } from "../../server/auth/sign-in";
import { createDatabase } from "../../server/db/client";
import { clearThrottle, lockDurationMs } from "../../server/domain/identity/login-throttle.service";
import { requestCode } from "../../server/domain/identity/one-time-code.service";
import { demoTotpCode } from "../../server/domain/identity/totp";
import { callerAs, DEMO } from "./helpers/callers";
import { testDatabaseUrl, testDb } from "./helpers/db";

const PASSWORD = "selfcare-demo";
const STRANGER = "198.51.100.66";
const OWNER = "192.0.2.10";

async function strangerFails(identifier: string, times: number, ip = STRANGER) {
  for (let i = 0; i < times; i++) await signIn(testDb(), { identifier, password: "wrong-password", ip });
}

/** A code sent to the number, read from the development outbox. */
async function codeSentTo(phone: string, ip: string): Promise<string> {
  await requestCode(testDb(), { phone, purpose: "SIGN_IN", ip, locale: "en", channel: "WEB" });
  const message = await testDb().smsMessage.findFirstOrThrow({ where: { to: phone }, orderBy: { createdAt: "desc" } });
  return message.body.match(/\d{6}/)![0];
}

afterEach(async () => {
  for (const identifier of [DEMO.platinum, DEMO.bronze, DEMO.agent2, "+79009990001"])
    await clearThrottle(testDb(), identifier);
  await testDb().loginThrottle.deleteMany({ where: { key: { startsWith: "ip:" } } });
});

describe("a stranger's failures do not lock the owner out", () => {
  it("past 10 failures a subscriber's password alone answers CODE_REQUIRED, right or wrong, and a code gets the owner in", async () => {
    await strangerFails(DEMO.platinum, 10);

    const right = await signIn(testDb(), { identifier: DEMO.platinum, password: PASSWORD, ip: OWNER });
    const wrong = await signIn(testDb(), { identifier: DEMO.platinum, password: "another-guess", ip: OWNER });
    // The same answer whether the password was right: the step-up tells a guesser nothing.
    expect(right).toEqual({ ok: false, reason: "CODE_REQUIRED" });
    expect(wrong).toEqual({ ok: false, reason: "CODE_REQUIRED" });

    const byCode = await signIn(testDb(), {
      identifier: DEMO.platinum,
      code: await codeSentTo(DEMO.platinum, OWNER),
      ip: OWNER,
    });
    expect(byCode.ok).toBe(true);
    // Signed in: the identifier's count is reset, so the password alone works again.
    expect((await signIn(testDb(), { identifier: DEMO.platinum, password: PASSWORD, ip: OWNER })).ok).toBe(true);
  });

  it("keeps the stranger's own address locked, with a growing lock, while the owner is never THROTTLED", async () => {
    const now = new Date();
    for (let i = 0; i < 10; i++) {
      await signIn(testDb(), { identifier: DEMO.platinum, password: "wrong-password", ip: STRANGER }, now);
    }
    expect(await signIn(testDb(), { identifier: DEMO.platinum, password: PASSWORD, ip: STRANGER }, now)).toEqual({
      ok: false,
      reason: "THROTTLED",
      retryAt: new Date(now.getTime() + lockDurationMs(0)),
    });
    const later = new Date(now.getTime() + lockDurationMs(0) + 1000);
    for (let i = 0; i < 10; i++) {
      await signIn(testDb(), { identifier: DEMO.platinum, password: "wrong-password", ip: STRANGER }, later);
    }
    const again = await signIn(testDb(), { identifier: DEMO.platinum, password: PASSWORD, ip: STRANGER }, later);
    expect(again).toEqual({ ok: false, reason: "THROTTLED", retryAt: new Date(later.getTime() + lockDurationMs(1)) });

    const owner = await signIn(testDb(), { identifier: DEMO.platinum, password: PASSWORD, ip: OWNER }, later);
    expect(owner).toEqual({ ok: false, reason: "CODE_REQUIRED" });
  });

  it("lets a code in even from an address the stranger got locked (a shared mobile network's address)", async () => {
    await strangerFails(DEMO.bronze, 10, OWNER);
    expect(await signIn(testDb(), { identifier: DEMO.bronze, password: PASSWORD, ip: OWNER })).toMatchObject({
      reason: "THROTTLED",
    });
    const code = await codeSentTo(DEMO.bronze, OWNER);
    expect((await signIn(testDb(), { identifier: DEMO.bronze, code, ip: OWNER })).ok).toBe(true);
  });

  it("answers a number nobody has like a subscriber's, so the step-up does not tell who is one", async () => {
    await strangerFails("+79009990001", 10);
    expect(await signIn(testDb(), { identifier: "+79009990001", password: PASSWORD, ip: OWNER })).toEqual({
      ok: false,
      reason: "CODE_REQUIRED",
    });
  });

  it("staff past 10 failures sign in as always, with the password and the second factor", async () => {
    await strangerFails(DEMO.agent2, 12);
    expect(await signIn(testDb(), { identifier: DEMO.agent2, password: PASSWORD, ip: OWNER })).toEqual({
      ok: false,
      reason: "TOTP_REQUIRED",
    });
    const result = await signIn(testDb(), {
      identifier: DEMO.agent2,
      password: PASSWORD,
      totp: await demoTotpCode(),
      ip: OWNER,
    });
    expect(result.ok && result.user.role).toBe("AGENT");
  });

  it("holds across app instances and restarts: the count lives in PostgreSQL", async () => {
    await Promise.all(
      Array.from({ length: 10 }, () =>
        signIn(testDb(), { identifier: DEMO.platinum, password: "wrong-password", ip: STRANGER }),
      ),
    );
    const otherInstance = createDatabase(testDatabaseUrl(), { max: 1 });
    try {
      const owner = await signIn(otherInstance, { identifier: DEMO.platinum, password: PASSWORD, ip: OWNER });
      expect(owner).toEqual({ ok: false, reason: "CODE_REQUIRED" });
      const stranger = await signIn(otherInstance, { identifier: DEMO.platinum, password: PASSWORD, ip: STRANGER });
      expect(stranger).toMatchObject({ ok: false, reason: "THROTTLED" });
    } finally {
      await otherInstance.$disconnect();
    }
  });

  it("shows the supervisor the stepped-up number, and clearing it lets the password in again (audited)", async () => {
    await strangerFails(DEMO.platinum, 10);
    const admin = await callerAs(DEMO.admin);
    const listed = (await admin.admin.users.throttled()).items.find((item) => item.identifier === DEMO.platinum);
    expect(listed).toMatchObject({ lockedUntil: null, failures: 10, user: { phone: DEMO.platinum } });
    expect((await admin.admin.home()).throttledLogins).toBeGreaterThanOrEqual(1);

    expect(await admin.admin.users.unthrottle({ identifier: DEMO.platinum })).toMatchObject({ cleared: 2 });
    expect((await signIn(testDb(), { identifier: DEMO.platinum, password: PASSWORD, ip: OWNER })).ok).toBe(true);
    expect(await testDb().auditLog.count({ where: { action: "login.unthrottle", entityId: DEMO.platinum } })).toBe(1);
  });
});
