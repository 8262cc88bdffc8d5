import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { loadSession, signIn } from "../../server/auth/sign-in";
import { clearThrottle } from "../../server/domain/identity/login-throttle.service";
import { deriveKey, open } from "../../server/domain/identity/secret-box";
import { demoTotpCode, totpCodeAt } from "../../server/domain/identity/totp";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { fieldErrorsOf } from "./helpers/trpc-errors";

const PASSWORD = "a-long-password-1";
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

let sequence = 0;

/** A new staff account made by the supervisor, as a staff member receives it: a password, no second factor. */
async function newStaff(role: "AGENT" | "PARTNER" | "ADMIN" = "AGENT") {
  sequence += 1;
  const admin = await callerAs(DEMO.admin);
  const partnerId = role === "PARTNER" ? (await testDb().partner.findFirstOrThrow()).id : undefined;
  const email = `staff.${sequence}.${Date.now()}@selfcare.test`;
  const user = await admin.admin.users.create({
    role,
    name: `Сотрудник ${sequence}`,
    email,
    password: PASSWORD,
    locale: "ru",
    ...(partnerId ? { partnerId } : {}),
    idempotencyKey: newIdempotencyKey("staff"),
  });
  return { id: user.id, email };
}

/** Enrols a new staff member through the procedures, as the enrolment page does. */
async function enrolledStaff(role: "AGENT" | "PARTNER" | "ADMIN" = "AGENT") {
  const staff = await newStaff(role);
  const caller = await callerAs(staff.email);
  const { secret } = await caller.secondFactor.beginEnrolment();
  const { recoveryCodes } = await caller.secondFactor.confirmEnrolment({ code: await totpCodeAt(secret, new Date()) });
  return { ...staff, secret, recoveryCodes };
}

/** A six-digit code none of the accepted steps has. */
async function wrongCode(secret: string, at: Date) {
  const taken = new Set(
    await Promise.all([-1, 0, 1].map((k) => totpCodeAt(secret, new Date(at.getTime() + k * 30_000)))),
  );
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!taken.has(candidate)) return candidate;
  }
}

describe("enrolment", () => {
  it("a new agent signs in with the password alone into a session that opens only the enrolment", async () => {
    const db = testDb();
    const staff = await newStaff("AGENT");
    const result = await signIn(db, { identifier: staff.email, password: PASSWORD, ip: "10.1.0.1" });
    expect(result.ok && result.user.secondFactorPending).toBe(true);
    if (!result.ok) throw new Error("sign-in failed");
    expect(await loadSession(db, result.user.sessionId)).toMatchObject({ secondFactorPending: true });

    const caller = await callerAs(staff.email);
    await expect(caller.agent.queue({})).toHaveTRPCCode("FORBIDDEN");
    expect(await caller.me.get()).toMatchObject({ role: "AGENT" });
    expect(await caller.secondFactor.status()).toMatchObject({ enrolled: false, recoveryCodesLeft: 0 });
  });

  it("shows a QR code and the secret, confirms with the first code, then shows ten recovery codes once", async () => {
    const db = testDb();
    const staff = await newStaff("PARTNER");
    const caller = await callerAs(staff.email);
    const begun = await caller.secondFactor.beginEnrolment();
    expect(begun.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(begun.otpauthUri).toContain(`secret=${begun.secret}`);
    expect(begun.otpauthUri).toMatch(/^otpauth:\/\/totp\/Selfcare:/);
    expect(begun.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    // A reload shows the same secret: the QR code already scanned keeps working.
    expect((await caller.secondFactor.beginEnrolment()).secret).toBe(begun.secret);

    // At rest the secret is sealed, never in the clear.
    const row = await db.totpFactor.findUniqueOrThrow({ where: { userId: staff.id } });
    expect(row).toMatchObject({ isDemo: false, confirmedAt: null });
    expect(row.secretSealed).toMatch(/^v1\./);
    expect(row.secretSealed).not.toContain(begun.secret);

    const now = new Date();
    expect(Object.keys(await fieldErrorsOf(caller.secondFactor.confirmEnrolment({ code: "12ab" })))).toEqual(["code"]);
    const wrong = caller.secondFactor.confirmEnrolment({ code: await wrongCode(begun.secret, now) });
    expect(Object.keys(await fieldErrorsOf(wrong))).toEqual(["code"]);
    expect((await db.totpFactor.findUniqueOrThrow({ where: { userId: staff.id } })).confirmedAt).toBeNull();

    const code = await totpCodeAt(begun.secret, now);
    const { recoveryCodes } = await caller.secondFactor.confirmEnrolment({
      code: `${code.slice(0, 3)} ${code.slice(3)}`,
    });
    expect(recoveryCodes).toHaveLength(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: staff.id } });
    expect(stored).toHaveLength(10);
    for (const value of recoveryCodes) expect(JSON.stringify(stored)).not.toContain(value);
    expect(await db.auditLog.count({ where: { action: "user.enrolSecondFactor", entityId: staff.id } })).toBe(1);

    // Enrolled: the same session now opens the dealer's pages; the enrolment cannot be started over.
    expect(await caller.secondFactor.status()).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });
    const enrolledCaller = await callerAs(staff.email);
    expect(await enrolledCaller.partner.customers()).toBeDefined();
    await expect(caller.secondFactor.beginEnrolment()).toHaveTRPCCode("CONFLICT");
    await expect(caller.secondFactor.confirmEnrolment({ code })).toHaveTRPCCode("CONFLICT");
  });

  it("subscribers have no second factor to enrol", async () => {
    const subscriber = await callerAs(DEMO.silver);
    await expect(subscriber.secondFactor.beginEnrolment()).toHaveTRPCCode("FORBIDDEN");
    await expect(subscriber.secondFactor.status()).toHaveTRPCCode("FORBIDDEN");
    await expect((await callerAs(null)).secondFactor.beginEnrolment()).toHaveTRPCCode("UNAUTHORIZED");
  });

  it("seals the secret with a key derived from NEXTAUTH_SECRET, bound to the user", async () => {
    const previous = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = "integration-signing-secret";
    try {
      const staff = await newStaff("AGENT");
      const { secret } = await (await callerAs(staff.email)).secondFactor.beginEnrolment();
      const { secretSealed } = await testDb().totpFactor.findUniqueOrThrow({ where: { userId: staff.id } });
      const key = deriveKey("integration-signing-secret", "totp-secret-v1");
      expect(open(key, secretSealed!, staff.id)).toBe(secret);
      expect(open(key, secretSealed!, "another-user")).toBeNull();
    } finally {
      if (previous === undefined) delete process.env.NEXTAUTH_SECRET;
      else process.env.NEXTAUTH_SECRET = previous;
    }
  });
});

describe("sign-in with the second factor", () => {
  it("requires `totp` after the right password, refuses the enrolment's code and any code twice", async () => {
    const db = testDb();
    const staff = await enrolledStaff("AGENT");
    const base = { identifier: staff.email, password: PASSWORD, ip: "10.1.0.2" };
    const sessionsBefore = await db.authSession.count({ where: { userId: staff.id } });

    expect(await signIn(db, base)).toEqual({ ok: false, reason: "TOTP_REQUIRED" });
    // A wrong password says nothing about the second factor.
    expect(await signIn(db, { ...base, password: "wrong-password" })).toEqual({ ok: false, reason: "INVALID" });
    // The code that confirmed the enrolment has been used.
    const { lastUsedStep } = await db.totpFactor.findUniqueOrThrow({ where: { userId: staff.id } });
    const enrolmentCode = await totpCodeAt(staff.secret, new Date(lastUsedStep! * 30_000));
    expect(await signIn(db, { ...base, totp: enrolmentCode })).toEqual({ ok: false, reason: "TOTP_INVALID" });

    // The next step's code (one step of drift allowed) signs in, once.
    const next = await totpCodeAt(staff.secret, later(30));
    const result = await signIn(db, { ...base, totp: next });
    expect(result.ok && result.user.secondFactorPending).toBeFalsy();
    if (!result.ok) throw new Error("sign-in failed");
    expect(await loadSession(db, result.user.sessionId)).not.toHaveProperty("secondFactorPending");
    expect(await signIn(db, { ...base, totp: next })).toEqual({ ok: false, reason: "TOTP_INVALID" });
    expect(await db.authSession.count({ where: { userId: staff.id } })).toBe(sessionsBefore + 1);
    await clearThrottle(db, staff.email);
  });

  it("lets only one of two sign-ins racing with the same code in", async () => {
    const db = testDb();
    const staff = await enrolledStaff("ADMIN");
    const totp = await totpCodeAt(staff.secret, later(30));
    const results = await Promise.all(
      ["10.1.0.3", "10.1.0.4"].map((ip) => signIn(db, { identifier: staff.email, password: PASSWORD, totp, ip })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, reason: "TOTP_INVALID" });
    await clearThrottle(db, staff.email);
  });

  it("counts a wrong code as a failed sign-in: the tenth locks the identifier, the right code then waits", async () => {
    const db = testDb();
    const now = new Date("2026-12-03T09:00:10Z");
    const right = await demoTotpCode(now);
    const wrong = await wrongCode("SELFCAREDEMOTOTP", now);
    const attempt = (totp: string) =>
      signIn(db, { identifier: DEMO.agent1, password: "selfcare-demo", totp, ip: "198.51.100.7" }, now);

    expect(await attempt(wrong)).toEqual({ ok: false, reason: "TOTP_INVALID" });
    const counter = await db.loginThrottle.findUniqueOrThrow({ where: { key: `id:${DEMO.agent1}` } });
    expect(counter.failures).toBe(1);
    for (let i = 2; i <= 9; i++) expect(await attempt(wrong)).toEqual({ ok: false, reason: "TOTP_INVALID" });
    expect(await attempt(wrong)).toMatchObject({ ok: false, reason: "THROTTLED" });
    expect(await attempt(right)).toMatchObject({ ok: false, reason: "THROTTLED" });

    await clearThrottle(db, DEMO.agent1);
    await db.loginThrottle.deleteMany({ where: { key: "ip:198.51.100.7" } });
    expect((await attempt(right)).ok).toBe(true);
  });

  it("takes a recovery code in `totp`, typed any way, once", async () => {
    const db = testDb();
    const staff = await enrolledStaff("AGENT");
    const [first, second] = staff.recoveryCodes as [string, string];
    const base = { identifier: staff.email, password: PASSWORD, ip: "10.1.0.5" };

    const typed = first.toLowerCase().replace("-", " ");
    expect((await signIn(db, { ...base, totp: typed })).ok).toBe(true);
    expect(await signIn(db, { ...base, totp: first })).toEqual({ ok: false, reason: "TOTP_INVALID" });
    expect(await signIn(db, { ...base, totp: "ZZZZZ-ZZZZZ" })).toEqual({ ok: false, reason: "TOTP_INVALID" });
    expect((await signIn(db, { ...base, totp: second })).ok).toBe(true);

    expect(await (await callerAs(staff.email)).secondFactor.status()).toMatchObject({ recoveryCodesLeft: 8 });
    const audit = await db.auditLog.findMany({ where: { action: "user.useRecoveryCode", entityId: staff.id } });
    expect(audit.map((entry) => entry.after)).toEqual([{ recoveryCodesLeft: 9 }, { recoveryCodesLeft: 8 }]);
    // One staff member's code is nobody else's.
    const other = await enrolledStaff("AGENT");
    expect(await signIn(db, { ...base, identifier: other.email, totp: staff.recoveryCodes[2]! })).toEqual({
      ok: false,
      reason: "TOTP_INVALID",
    });
    await clearThrottle(db, staff.email);
    await clearThrottle(db, other.email);
  });

  it("the demo staff are enrolled with the public demo secret, and the sign-in page may show its code", async () => {
    const factors = await testDb().totpFactor.findMany({ where: { isDemo: true }, include: { user: true } });
    expect(factors.map((factor) => factor.user.email)).toEqual(
      expect.arrayContaining([DEMO.agent1, DEMO.agent2, DEMO.dealer1, DEMO.dealer2, DEMO.admin]),
    );
    expect(factors.every((factor) => factor.confirmedAt && factor.secretSealed === null)).toBe(true);
    const hint = await (await callerAs(null)).secondFactor.demoCode();
    expect([await demoTotpCode(), await demoTotpCode(later(1))]).toContain(hint?.code);
    expect(hint!.changesAt.getTime() % 30_000).toBe(0);
  });
});

describe("admin.users.resetSecondFactor", () => {
  it("removes the factor, ends the sessions, is audited, and the next sign-in enrols again", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const staff = await enrolledStaff("AGENT");
    const signedIn = await signIn(db, {
      identifier: staff.email,
      password: PASSWORD,
      totp: await totpCodeAt(staff.secret, later(30)),
      ip: "10.1.0.6",
    });
    if (!signedIn.ok) throw new Error("sign-in failed");
    const listed = await admin.admin.users.list({ query: staff.email });
    expect(listed.items[0]?.secondFactorEnrolledAt).toBeInstanceOf(Date);

    expect(await admin.admin.users.resetSecondFactor({ userId: staff.id })).toMatchObject({
      id: staff.id,
      secondFactorEnrolled: false,
    });
    expect(await loadSession(db, signedIn.user.sessionId)).toBeNull();
    expect(await db.totpFactor.count({ where: { userId: staff.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: staff.id } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "user.resetSecondFactor", entityId: staff.id },
    });
    expect(audit).toMatchObject({ actorRole: "ADMIN", after: { enrolledAt: null } });
    expect(audit.before).toMatchObject({ recoveryCodes: 10 });
    expect((await admin.admin.users.list({ query: staff.email })).items[0]?.secondFactorEnrolledAt).toBeNull();

    // The old codes are worth nothing; the password alone opens the enrolment, with a new secret.
    const again = await signIn(db, {
      identifier: staff.email,
      password: PASSWORD,
      totp: staff.recoveryCodes[0],
      ip: "10.1.0.6",
    });
    expect(again.ok && again.user.secondFactorPending).toBe(true);
    const caller = await callerAs(staff.email);
    await expect(caller.agent.queue({})).toHaveTRPCCode("FORBIDDEN");
    const { secret } = await caller.secondFactor.beginEnrolment();
    expect(secret).not.toBe(staff.secret);
  });

  it("answers NOT_FOUND for subscribers and unknown ids, refuses one's own, and is for supervisors only", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const subscriber = await db.user.findUniqueOrThrow({ where: { phone: DEMO.bronze } });
    await expect(admin.admin.users.resetSecondFactor({ userId: subscriber.id })).toHaveTRPCCode("NOT_FOUND");
    await expect(admin.admin.users.resetSecondFactor({ userId: "usr_nobody" })).toHaveTRPCCode("NOT_FOUND");
    const me = await db.user.findUniqueOrThrow({ where: { email: DEMO.admin } });
    expect(Object.keys(await fieldErrorsOf(admin.admin.users.resetSecondFactor({ userId: me.id })))).toEqual([
      "userId",
    ]);
    expect(Object.keys(await fieldErrorsOf(admin.admin.users.resetSecondFactor({ userId: "" })))).toEqual(["userId"]);
    const agent = await callerAs(DEMO.agent1);
    await expect(agent.admin.users.resetSecondFactor({ userId: me.id })).toHaveTRPCCode("FORBIDDEN");
    expect(await db.totpFactor.count({ where: { userId: me.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "user.resetSecondFactor", entityId: me.id } })).toBe(0);
  });
});
