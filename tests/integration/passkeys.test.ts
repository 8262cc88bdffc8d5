/**
 * Passkeys (issue 14): registration and sign-in ceremonies through the real procedures and the
 * credentials sign-in, with real attestations and assertions from a software authenticator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../server/auth/sign-in";
import { resetSecondFactor } from "../../server/domain/identity/second-factor.service";
import { callerAs, DEMO, userIdOf } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { SoftAuthenticator } from "./helpers/soft-authenticator";
import { fieldErrorsOf } from "./helpers/trpc-errors";

const SITE = "https://my.selfcare.test";
const HERE = { origin: SITE, rpId: "my.selfcare.test" };
const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.39 Mobile Safari/537.36";

let savedEnv: Record<string, string | undefined>;
let nextAddress = 1;
/** A fresh documentation address per sign-in, so the per-address limits of one test do not reach another. */
const newIp = () => `203.0.113.${nextAddress++}`;

beforeAll(() => {
  savedEnv = {
    NEXTAUTH_URL: process.env.NEXTAUTH_URL,
    WEBAUTHN_RP_ID: process.env.WEBAUTHN_RP_ID,
    WEBAUTHN_ORIGIN: process.env.WEBAUTHN_ORIGIN,
  };
  process.env.NEXTAUTH_URL = SITE;
  delete process.env.WEBAUTHN_RP_ID;
  delete process.env.WEBAUTHN_ORIGIN;
});

afterAll(() => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

type Ceremony = { origin: string; rpId: string; userVerified?: boolean };

/** Registers a new software passkey for the login through passkey.registrationOptions and passkey.register. */
async function addPasskey(identifier: string, ceremony: Ceremony = HERE, name?: string) {
  const caller = await callerAs(identifier);
  const authenticator = new SoftAuthenticator();
  const options = await caller.passkey.registrationOptions();
  const passkey = await caller.passkey.register({
    response: authenticator.register(options, ceremony),
    ...(name ? { name } : {}),
  });
  return { caller, authenticator, passkey, options };
}

/** auth.passkeyOptions, the authenticator's answer, then the credentials sign-in with `passkey`. */
async function passkeySignIn(authenticator: SoftAuthenticator, ceremony: Ceremony = HERE, ip = newIp()) {
  const anonymous = await callerAs(null, { ip });
  const { challengeId, options } = await anonymous.auth.passkeyOptions();
  const response = authenticator.authenticate(options, ceremony);
  const passkey = JSON.stringify({ challengeId, response });
  return { result: await signIn(testDb(), { identifier: "", passkey, ip, userAgent: ANDROID_CHROME }), passkey, ip };
}

describe("passkey registration", () => {
  it("asks for a discoverable, user-verified credential and excludes the user's existing passkeys", async () => {
    const { caller, authenticator } = await addPasskey(DEMO.silver);
    const options = await caller.passkey.registrationOptions();
    expect(options.rp).toEqual({ name: "Selfcare", id: "my.selfcare.test" });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
    expect(options.excludeCredentials?.map((credential) => credential.id)).toContain(authenticator.id);
    expect(options.user.name).toBe(DEMO.silver);
  });

  it("keeps the credential, named from the browser unless named, and records it in the customer's history", async () => {
    const db = testDb();
    const named = await addPasskey(DEMO.silver, HERE, "Рабочий ноутбук");
    expect(named.passkey).toMatchObject({ name: "Рабочий ноутбук", lastUsedAt: null });
    const stored = await db.passkey.findUniqueOrThrow({ where: { id: named.passkey.id } });
    expect(stored).toMatchObject({
      userId: await userIdOf(DEMO.silver),
      credentialId: named.authenticator.id,
      transports: ["internal"],
      counter: 0n,
    });
    const added = await db.interaction.findFirst({
      where: { type: "PASSKEY_ADDED", data: { path: ["passkeyId"], equals: named.passkey.id } },
    });
    expect(added).not.toBeNull();

    // Unnamed: the name comes from the session's browser.
    const caller = await callerAs(DEMO.silver);
    const sessionId = (await db.authSession.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).id;
    await db.authSession.update({ where: { id: sessionId }, data: { userAgent: ANDROID_CHROME } });
    const mine = await db.authSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(mine.userId).toBe(await userIdOf(DEMO.silver));
    const authenticator = new SoftAuthenticator();
    const options = await caller.passkey.registrationOptions();
    const unnamed = await caller.passkey.register({ response: authenticator.register(options, HERE) });
    expect(unnamed.name).toBe("Chrome on Android");
  });

  it("refuses an answer to a used challenge, a wrong origin or RP id, and one without user verification", async () => {
    const caller = await callerAs(DEMO.silver);
    const authenticator = new SoftAuthenticator();
    const options = await caller.passkey.registrationOptions();
    const response = authenticator.register(options, HERE);
    await caller.passkey.register({ response });
    // The same answer again: its challenge is used up.
    const replay = await fieldErrorsOf(caller.passkey.register({ response }));
    expect(replay.response).toMatch(/expired or was used/);

    for (const ceremony of [
      { origin: "https://evil.test", rpId: "my.selfcare.test" },
      { origin: SITE, rpId: "evil.test" },
      { ...HERE, userVerified: false },
    ]) {
      const fresh = await caller.passkey.registrationOptions();
      const refused = await fieldErrorsOf(
        caller.passkey.register({ response: new SoftAuthenticator().register(fresh, ceremony) }),
      );
      expect(refused.response, JSON.stringify(ceremony)).toBe("The passkey could not be verified");
    }
  });

  it("refuses another user's challenge: a challenge belongs to whom it was given", async () => {
    const silver = await callerAs(DEMO.silver);
    const bronze = await callerAs(DEMO.bronze);
    const options = await silver.passkey.registrationOptions();
    const refused = await fieldErrorsOf(
      bronze.passkey.register({ response: new SoftAuthenticator().register(options, HERE) }),
    );
    expect(refused.response).toMatch(/expired or was used/);
  });

  it("answers BAD_REQUEST with the field for what is not a passkey response", async () => {
    const caller = await callerAs(DEMO.silver);
    const errors = await fieldErrorsOf(
      caller.passkey.register({ response: { id: "x\u0000", rawId: "x", type: "public-key" } as never }),
    );
    expect(Object.keys(errors).some((field) => field.startsWith("response"))).toBe(true);
  });
});

describe("passkey sign-in", () => {
  it("signs the passkey's owner in without an identifier and records it", async () => {
    const db = testDb();
    const { authenticator, passkey } = await addPasskey(DEMO.platinum);
    const { result, ip } = await passkeySignIn(authenticator);
    if (!result.ok) throw new Error(result.reason);
    expect(result.user).toMatchObject({ id: await userIdOf(DEMO.platinum), role: "SUBSCRIBER" });
    const session = await db.authSession.findUniqueOrThrow({ where: { id: result.user.sessionId } });
    expect(session).toMatchObject({ userId: result.user.id, ip, userAgent: ANDROID_CHROME, revokedAt: null });
    const stored = await db.passkey.findUniqueOrThrow({ where: { id: passkey.id } });
    expect(stored.counter).toBe(1n);
    expect(stored.lastUsedAt).not.toBeNull();
    const recorded = await db.interaction.findFirst({
      where: { type: "SIGNED_IN_BY_PASSKEY", data: { path: ["sessionId"], equals: result.user.sessionId } },
    });
    expect(recorded).not.toBeNull();
  });

  it("refuses a challenge used twice, even with a fresh signature", async () => {
    const { authenticator } = await addPasskey(DEMO.platinum);
    const ip = newIp();
    const anonymous = await callerAs(null, { ip });
    const { challengeId, options } = await anonymous.auth.passkeyOptions();
    const first = JSON.stringify({ challengeId, response: authenticator.authenticate(options, HERE) });
    const second = JSON.stringify({ challengeId, response: authenticator.authenticate(options, HERE) });
    expect((await signIn(testDb(), { identifier: "", passkey: first, ip })).ok).toBe(true);
    expect(await signIn(testDb(), { identifier: "", passkey: second, ip })).toEqual({
      ok: false,
      reason: "PASSKEY_INVALID",
    });
    // The very same answer replayed: refused too.
    expect(await signIn(testDb(), { identifier: "", passkey: first, ip })).toMatchObject({ ok: false });
  });

  it("lets only one of two racing answers to one challenge in", async () => {
    const { authenticator } = await addPasskey(DEMO.platinum);
    const ip = newIp();
    const { challengeId, options } = await (await callerAs(null, { ip })).auth.passkeyOptions();
    const answers = [1, 2].map(() =>
      JSON.stringify({ challengeId, response: authenticator.authenticate(options, HERE) }),
    );
    const results = await Promise.all(answers.map((passkey) => signIn(testDb(), { identifier: "", passkey, ip })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("refuses a wrong origin, a wrong RP id and an answer without user verification", async () => {
    const { authenticator } = await addPasskey(DEMO.platinum);
    for (const ceremony of [
      { origin: "https://evil.test", rpId: "my.selfcare.test" },
      { origin: SITE, rpId: "evil.test" },
      { ...HERE, userVerified: false },
    ]) {
      const { result } = await passkeySignIn(authenticator, ceremony);
      expect(result, JSON.stringify(ceremony)).toEqual({ ok: false, reason: "PASSKEY_INVALID" });
    }
    expect((await passkeySignIn(authenticator)).result.ok).toBe(true);
  });

  it("refuses a counter that goes backwards (a cloned authenticator)", async () => {
    const { authenticator, passkey } = await addPasskey(DEMO.platinum);
    authenticator.counter = 10;
    expect((await passkeySignIn(authenticator)).result.ok).toBe(true);
    authenticator.counter = 4;
    expect((await passkeySignIn(authenticator)).result).toEqual({ ok: false, reason: "PASSKEY_INVALID" });
    const stored = await testDb().passkey.findUniqueOrThrow({ where: { id: passkey.id } });
    expect(stored.counter).toBe(11n);
  });

  it("refuses an unknown passkey and garbage, and counts them for the address", async () => {
    const ip = newIp();
    const stranger = new SoftAuthenticator();
    expect((await passkeySignIn(stranger, HERE, ip)).result).toEqual({ ok: false, reason: "PASSKEY_INVALID" });
    expect(await signIn(testDb(), { identifier: "", passkey: "{not json", ip })).toEqual({
      ok: false,
      reason: "PASSKEY_INVALID",
    });
    const address = await testDb().loginThrottle.findUniqueOrThrow({ where: { key: `ip:${ip}` } });
    expect(address.failures).toBe(2);
  });

  it("refuses a locked user's passkey", async () => {
    const db = testDb();
    const { authenticator } = await addPasskey(DEMO.bronze);
    const userId = await userIdOf(DEMO.bronze);
    await db.user.update({ where: { id: userId }, data: { lockedAt: new Date() } });
    try {
      expect((await passkeySignIn(authenticator)).result).toEqual({ ok: false, reason: "ACCOUNT_LOCKED" });
    } finally {
      await db.user.update({ where: { id: userId }, data: { lockedAt: null } });
    }
  });

  it("a removed passkey no longer signs in", async () => {
    const { caller, authenticator, passkey } = await addPasskey(DEMO.platinum);
    expect(await caller.passkey.remove({ id: passkey.id })).toEqual({ id: passkey.id });
    expect((await passkeySignIn(authenticator)).result).toEqual({ ok: false, reason: "PASSKEY_INVALID" });
  });
});

describe("staff passkeys", () => {
  it("a staff passkey signs in without a TOTP code, with the second factor passed, audited", async () => {
    const db = testDb();
    const { authenticator } = await addPasskey(DEMO.agent2);
    const { result } = await passkeySignIn(authenticator);
    if (!result.ok) throw new Error(result.reason);
    expect(result.user).toMatchObject({ id: await userIdOf(DEMO.agent2), role: "AGENT" });
    expect(result.user.secondFactorPending).toBeUndefined();
    const audit = await db.auditLog.findFirst({
      where: { action: "session.signInWithPasskey", entityId: result.user.sessionId },
    });
    expect(audit).toMatchObject({ actorId: result.user.id });
    // And the password alone still asks for the second factor.
    const password = await signIn(db, { identifier: DEMO.agent2, password: "selfcare-demo", ip: newIp() });
    expect(password).toEqual({ ok: false, reason: "TOTP_REQUIRED" });
  });

  it("a supervisor's reset of the second factor removes the staff member's passkeys", async () => {
    const db = testDb();
    const { authenticator } = await addPasskey(DEMO.dealer2);
    const userId = await userIdOf(DEMO.dealer2);
    const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO.admin } });
    await resetSecondFactor(db, { id: admin.id, role: admin.role, ip: "127.0.0.1" }, userId);
    expect(await db.passkey.count({ where: { userId } })).toBe(0);
    expect((await passkeySignIn(authenticator)).result).toEqual({ ok: false, reason: "PASSKEY_INVALID" });
  });
});

describe("passkey.list and passkey.remove", () => {
  it("list shows only the caller's passkeys, newest first", async () => {
    const { passkey: silvers } = await addPasskey(DEMO.silver, HERE, "Silver's phone");
    const { passkey: agents } = await addPasskey(DEMO.agent1, HERE, "Agent's laptop");
    const silver = await callerAs(DEMO.silver);
    const { items } = await silver.passkey.list();
    expect(items[0]).toEqual({ id: silvers.id, name: "Silver's phone", createdAt: expect.any(Date), lastUsedAt: null });
    const ids = items.map((item) => item.id);
    expect(ids).not.toContain(agents.id);
    const owners = await testDb().passkey.findMany({ where: { id: { in: ids } }, select: { userId: true } });
    expect(new Set(owners.map((owner) => owner.userId))).toEqual(new Set([await userIdOf(DEMO.silver)]));
  });

  it("another user's passkey id answers NOT_FOUND and stays", async () => {
    const { passkey } = await addPasskey(DEMO.silver);
    const bronze = await callerAs(DEMO.bronze);
    await expect(bronze.passkey.remove({ id: passkey.id })).toHaveTRPCCode("NOT_FOUND");
    const agent = await callerAs(DEMO.agent1);
    await expect(agent.passkey.remove({ id: passkey.id })).toHaveTRPCCode("NOT_FOUND");
    expect(await testDb().passkey.count({ where: { id: passkey.id } })).toBe(1);
  });

  it("staff removing a passkey is audited, a subscriber's is in the history", async () => {
    const db = testDb();
    const { caller, passkey } = await addPasskey(DEMO.agent1);
    await caller.passkey.remove({ id: passkey.id });
    expect(await db.auditLog.count({ where: { action: "passkey.remove", entityId: passkey.id } })).toBe(1);
    const sub = await addPasskey(DEMO.silver);
    await sub.caller.passkey.remove({ id: sub.passkey.id });
    const removed = await db.interaction.count({
      where: { type: "PASSKEY_REMOVED", data: { path: ["passkeyId"], equals: sub.passkey.id } },
    });
    expect(removed).toBe(1);
  });

  it("anonymous callers get UNAUTHORIZED", async () => {
    const anonymous = await callerAs(null);
    await expect(anonymous.passkey.list()).toHaveTRPCCode("UNAUTHORIZED");
    await expect(anonymous.passkey.registrationOptions()).toHaveTRPCCode("UNAUTHORIZED");
  });
});
