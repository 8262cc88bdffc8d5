import { describe, expect, it } from "vitest";
import { loadSession, signIn } from "../../server/auth/sign-in";
import { demoTotpCode } from "../../server/domain/identity/totp";
import { callerAs, DEMO, sessionFor, userIdOf } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { fieldErrorsOf } from "./helpers/trpc-errors";

const PASSWORD = "a-long-password-1";

describe("admin.users", () => {
  it("creates an agent who can sign in; a retry with the same key is the same user", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const input = {
      role: "AGENT" as const,
      name: "Ирина Петрова",
      email: "Irina.Petrova@Selfcare.test",
      password: PASSWORD,
      locale: "ru" as const,
      idempotencyKey: newIdempotencyKey("test"),
    };
    const [user, raced] = await Promise.all([admin.admin.users.create(input), admin.admin.users.create(input)]);
    expect(raced.id).toBe(user.id);
    expect(user).toMatchObject({
      role: "AGENT",
      email: "irina.petrova@selfcare.test",
      lockedAt: null,
      openSessions: 0,
    });
    expect(await db.user.count({ where: { email: "irina.petrova@selfcare.test" } })).toBe(1);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.create", entityId: user.id } });
    expect(JSON.stringify(audit.after)).not.toContain(PASSWORD);
    expect(JSON.stringify(audit.after)).not.toContain("argon2");

    const result = await signIn(db, { identifier: "irina.petrova@selfcare.test", password: PASSWORD, ip: "10.0.0.1" });
    expect(result.ok && result.user.role).toBe("AGENT");
    // A new staff member has no second factor yet: the session opens only its enrolment.
    expect(result.ok && result.user.secondFactorPending).toBe(true);
    await expect(admin.admin.users.create({ ...input, idempotencyKey: newIdempotencyKey("test") })).toHaveTRPCCode(
      "CONFLICT",
    );
  });

  it("creates dealer staff only with an existing dealer; refuses bad fields by name", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const partner = await db.partner.findFirstOrThrow();
    const dealer = await admin.admin.users.create({
      role: "PARTNER",
      name: "Дилер Новый",
      email: "new.dealer@selfcare.test",
      password: PASSWORD,
      locale: "ru",
      partnerId: partner.id,
      idempotencyKey: newIdempotencyKey("test"),
    });
    expect(dealer.partner?.id).toBe(partner.id);
    expect(
      Object.keys(
        await fieldErrorsOf(
          admin.admin.users.create({
            role: "PARTNER",
            name: "Без дилера",
            email: "nodealer@selfcare.test",
            password: PASSWORD,
            locale: "ru",
            idempotencyKey: newIdempotencyKey("test"),
          }),
        ),
      ),
    ).toContain("partnerId");
    expect(
      Object.keys(
        await fieldErrorsOf(
          admin.admin.users.create({
            role: "PARTNER",
            name: "Чужой",
            email: "ghost@selfcare.test",
            password: PASSWORD,
            locale: "ru",
            partnerId: "no-such-partner",
            idempotencyKey: newIdempotencyKey("test"),
          }),
        ),
      ),
    ).toContain("partnerId");
    expect(
      Object.keys(
        await fieldErrorsOf(
          admin.admin.users.create({
            role: "AGENT",
            name: "Короткий",
            email: "short@selfcare.test",
            password: "short",
            locale: "ru",
            idempotencyKey: newIdempotencyKey("test"),
          }),
        ),
      ),
    ).toContain("password");
    expect(
      await fieldErrorsOf(
        admin.admin.users.create({
          role: "AGENT",
          name: "Обычный",
          email: "common@selfcare.test",
          password: "password1234",
          locale: "ru",
          idempotencyKey: newIdempotencyKey("test"),
        }),
      ),
    ).toEqual({ password: "This password is among the most common ones; choose another" });
    expect(
      Object.keys(
        await fieldErrorsOf(
          admin.admin.users.create({
            role: "SUBSCRIBER" as never,
            name: "Абонент",
            email: "sub@selfcare.test",
            password: PASSWORD,
            locale: "ru",
            idempotencyKey: newIdempotencyKey("test"),
          }),
        ),
      ),
    ).toContain("role");
    expect(
      await db.user.count({
        where: {
          email: { in: ["nodealer@selfcare.test", "ghost@selfcare.test", "short@selfcare.test", "sub@selfcare.test"] },
        },
      }),
    ).toBe(0);
  });

  it("locking ends the user's sessions at once and stops sign-in; unlocking lets them back", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const agentSession = await sessionFor(DEMO.agent2);
    expect(await loadSession(db, agentSession.sessionId)).not.toBeNull();

    const locked = await admin.admin.users.lock({ userId: agentSession.id });
    expect(locked.lockedAt).not.toBeNull();
    expect(locked.openSessions).toBe(0);
    expect(await loadSession(db, agentSession.sessionId)).toBeNull();
    expect(await db.authSession.count({ where: { userId: agentSession.id, revokedAt: null } })).toBe(0);
    expect(await signIn(db, { identifier: DEMO.agent2, password: "selfcare-demo", ip: "10.0.0.2" })).toEqual({
      ok: false,
      reason: "ACCOUNT_LOCKED",
    });
    await admin.admin.users.lock({ userId: agentSession.id });
    expect(await db.auditLog.count({ where: { action: "user.lock", entityId: agentSession.id } })).toBe(1);

    const unlocked = await admin.admin.users.unlock({ userId: agentSession.id });
    expect(unlocked.lockedAt).toBeNull();
    const totp = await demoTotpCode();
    expect((await signIn(db, { identifier: DEMO.agent2, password: "selfcare-demo", totp, ip: "10.0.0.2" })).ok).toBe(
      true,
    );
    expect(await db.auditLog.count({ where: { action: "user.unlock", entityId: agentSession.id } })).toBe(1);
  });

  it("does not lock oneself", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const me = await db.user.findUniqueOrThrow({ where: { email: DEMO.admin } });
    expect(Object.keys(await fieldErrorsOf(admin.admin.users.lock({ userId: me.id })))).toContain("userId");
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).lockedAt).toBeNull();
    await expect(admin.admin.users.lock({ userId: "no-such-user" })).toHaveTRPCCode("NOT_FOUND");
  });

  it("finds a subscriber by phone and locks them: every session ends, sign-in stops, audited; unlock lets them back", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const phone = await sessionFor(DEMO.silver);
    const laptop = await sessionFor(DEMO.silver);
    const subscriber = await callerAs(DEMO.silver);
    expect((await subscriber.account.sessions()).items.length).toBeGreaterThanOrEqual(3);

    const found = await admin.admin.users.findSubscriber({ phone: "8 900 100-00-03" });
    expect(found.items).toHaveLength(1);
    const [target] = found.items;
    expect(target).toMatchObject({ id: phone.id, role: "SUBSCRIBER", phone: DEMO.silver, lockedAt: null });
    expect(target!.openSessions).toBeGreaterThanOrEqual(3);
    expect((await admin.admin.users.findSubscriber({ phone: "+79009999999" })).items).toEqual([]);
    expect(Object.keys(await fieldErrorsOf(admin.admin.users.findSubscriber({ phone: "nobody" })))).toContain("phone");

    const locked = await admin.admin.users.lock({ userId: phone.id });
    expect(locked.lockedAt).not.toBeNull();
    expect(locked.openSessions).toBe(0);
    expect(await loadSession(db, phone.sessionId)).toBeNull();
    expect(await loadSession(db, laptop.sessionId)).toBeNull();
    expect(await signIn(db, { identifier: DEMO.silver, password: "selfcare-demo", ip: "10.0.0.3" })).toEqual({
      ok: false,
      reason: "ACCOUNT_LOCKED",
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.lock", entityId: phone.id } });
    expect(audit.after).toMatchObject({ role: "SUBSCRIBER" });
    expect((audit.after as { sessionsEnded: number }).sessionsEnded).toBeGreaterThanOrEqual(3);

    const unlocked = await admin.admin.users.unlock({ userId: phone.id });
    expect(unlocked.lockedAt).toBeNull();
    expect((await signIn(db, { identifier: DEMO.silver, password: "selfcare-demo", ip: "10.0.0.3" })).ok).toBe(true);
    expect(await db.auditLog.count({ where: { action: "user.unlock", entityId: phone.id } })).toBe(1);
  });

  it.each([DEMO.agent1, DEMO.dealer1, DEMO.bronze])("refuses the subscriber lock screen to %s", async (identifier) => {
    const caller = await callerAs(identifier);
    await expect(caller.admin.users.findSubscriber({ phone: DEMO.silver })).toHaveTRPCCode("FORBIDDEN");
    await expect(caller.admin.users.lock({ userId: await userIdOf(DEMO.silver) })).toHaveTRPCCode("FORBIDDEN");
  });

  it("lists staff only, by role and name", async () => {
    const admin = await callerAs(DEMO.admin);
    const all = await admin.admin.users.list();
    expect(all.items.every((user) => ["AGENT", "PARTNER", "ADMIN"].includes(user.role))).toBe(true);
    const agents = await admin.admin.users.list({ role: "AGENT", query: "agent1" });
    expect(agents.items.map((user) => user.email)).toEqual([DEMO.agent1]);
  });

  it("clears a subscriber stepped up after failed sign-ins, the phone typed in any form", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    for (let i = 0; i < 10; i++)
      await signIn(db, { identifier: DEMO.silver, password: "wrong-password", ip: "10.9.9.9" });
    const refused = await signIn(db, { identifier: DEMO.silver, password: "selfcare-demo", ip: "10.9.9.8" });
    expect(refused).toMatchObject({ ok: false, reason: "CODE_REQUIRED" });

    const throttled = await admin.admin.users.throttled();
    expect(throttled.items.find((item) => item.identifier === DEMO.silver)?.user?.phone).toBe(DEMO.silver);

    expect(await admin.admin.users.unthrottle({ identifier: "8 (900) 100-00-03" })).toMatchObject({
      identifier: DEMO.silver,
    });
    expect((await signIn(db, { identifier: DEMO.silver, password: "selfcare-demo", ip: "10.9.9.8" })).ok).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "login.unthrottle", entityId: DEMO.silver } });
    expect(Array.isArray(audit.before)).toBe(true);
    expect(await admin.admin.users.unthrottle({ identifier: DEMO.silver })).toEqual({
      identifier: DEMO.silver,
      cleared: 0,
    });
    expect(Object.keys(await fieldErrorsOf(admin.admin.users.unthrottle({ identifier: "not a phone" })))).toContain(
      "identifier",
    );
  });
});

describe("admin.audit", () => {
  it("filters by actor, entity and time, newest first, page by page", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const me = await db.user.findUniqueOrThrow({ where: { email: DEMO.admin } });
    const from = new Date();
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push(
        await admin.admin.users.create({
          role: "AGENT",
          name: `Агент ${i}`,
          email: `audit-${i}@selfcare.test`,
          password: PASSWORD,
          locale: "ru",
          idempotencyKey: newIdempotencyKey("test"),
        }),
      );
    }
    const first = await admin.admin.audit.list({ actorId: me.id, entityType: "User", from, limit: 2 });
    expect(first.items.map((item) => item.entityId)).toEqual([created[4]!.id, created[3]!.id]);
    expect(first.items[0]).toMatchObject({
      action: "user.create",
      actor: { id: me.id, name: me.name },
      actorRole: "ADMIN",
    });
    const second = await admin.admin.audit.list({
      actorId: me.id,
      entityType: "User",
      from,
      limit: 2,
      cursor: first.nextCursor!,
    });
    const third = await admin.admin.audit.list({
      actorId: me.id,
      entityType: "User",
      from,
      limit: 2,
      cursor: second.nextCursor!,
    });
    expect([...second.items, ...third.items].map((item) => item.entityId)).toEqual([
      created[2]!.id,
      created[1]!.id,
      created[0]!.id,
    ]);
    expect(third.nextCursor).toBeNull();

    const one = await admin.admin.audit.list({ entityType: "User", entityId: created[2]!.id });
    expect(one.items).toHaveLength(1);
    const agent1 = await db.user.findUniqueOrThrow({ where: { email: DEMO.agent1 } });
    expect((await admin.admin.audit.list({ actorId: agent1.id, from })).items).toEqual([]);
    expect((await admin.admin.audit.list({ from: new Date("2000-01-01"), to: new Date("2000-01-02") })).items).toEqual(
      [],
    );

    const facets = await admin.admin.audit.facets();
    expect(facets.entityTypes).toContain("User");
    expect(facets.actions).toContain("user.create");
    expect(facets.actors.map((actor) => actor.id)).toContain(me.id);
    expect(Object.keys(await fieldErrorsOf(admin.admin.audit.list({ cursor: "not-a-cursor" })))).toContain("cursor");
    expect(
      Object.keys(await fieldErrorsOf(admin.admin.audit.list({ from: "2031-01-02", to: "2031-01-01" }))),
    ).toContain("to");
  });
});
