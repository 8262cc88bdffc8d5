import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSession, signIn } from "../../server/auth/sign-in";
import { createDatabase, type Database } from "../../server/db/client";
import { requestCode } from "../../server/domain/identity/one-time-code.service";
import { callerAs, DEMO } from "./helpers/callers";
import { testDatabaseUrl, testDb } from "./helpers/db";
import { fieldErrorsOf } from "./helpers/trpc-errors";
import { demoTotpCode } from "../../server/domain/identity/totp";

const MINUTE = 60_000;
let nextIp = 1;
/** Each test asks from its own address, so the per-address limit is its own. */
const freshIp = () => `198.51.100.${nextIp++}`;

/** Generated subscribers (not the demo logins other files use), one per test. */
let subscribers: { id: string; phone: string; customerId: string }[] = [];
const takeSubscriber = () => subscribers.shift()!;

beforeAll(async () => {
  const rows = await testDb().user.findMany({
    where: {
      role: "SUBSCRIBER",
      phone: { not: null, startsWith: "+7" },
      NOT: { phone: { startsWith: "+7900100000" } },
    },
    orderBy: { phone: "asc" },
    take: 20,
    select: { id: true, phone: true, customerId: true },
  });
  subscribers = rows.map((row) => ({ id: row.id, phone: row.phone!, customerId: row.customerId! }));
});

/** The code in the latest text to a number (the outbox keeps it; a real provider's copy would be masked). */
async function lastCodeTo(phone: string, db: Database = testDb()): Promise<string | undefined> {
  const message = await db.smsMessage.findFirst({ where: { to: phone }, orderBy: { createdAt: "desc" } });
  return message?.body.match(/\d{6}/)?.[0];
}

const smsCountTo = (phone: string) => testDb().smsMessage.count({ where: { to: phone } });

describe("auth.requestCode", () => {
  it("answers the same for a subscriber, a stranger's number and a staff member's, and texts only the subscriber", async () => {
    const db = testDb();
    const subscriber = takeSubscriber();
    const staffPhone = "+79008887766";
    await db.user.update({ where: { email: DEMO.agent1 }, data: { phone: staffPhone } });
    const unknown = "+79009998877";
    const anonymous = await callerAs(null, { ip: freshIp() });

    const answers = [];
    for (const phone of [subscriber.phone, unknown, staffPhone]) {
      answers.push(await anonymous.auth.requestCode({ phone, purpose: "SIGN_IN" }));
    }
    expect(answers).toEqual([{ retryAfterSeconds: 60 }, { retryAfterSeconds: 60 }, { retryAfterSeconds: 60 }]);
    expect(await smsCountTo(subscriber.phone)).toBe(1);
    expect(await smsCountTo(unknown)).toBe(0);
    expect(await smsCountTo(staffPhone)).toBe(0);
    expect(await lastCodeTo(subscriber.phone)).toMatch(/^\d{6}$/);

    // Asking again at once: the same cooldown answer for every kind of number.
    const again = [];
    for (const phone of [subscriber.phone, unknown, staffPhone]) {
      again.push(await anonymous.auth.requestCode({ phone, purpose: "RESET_PASSWORD" }));
    }
    for (const answer of again) {
      expect(Object.keys(answer)).toEqual(["retryAfterSeconds"]);
      expect(answer.retryAfterSeconds).toBeGreaterThan(55);
      expect(answer.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    expect(await smsCountTo(subscriber.phone)).toBe(1);
    // A staff member cannot sign in by code either.
    expect((await signIn(db, { identifier: staffPhone, code: "123456", ip: freshIp() })).ok).toBe(false);
  });

  it("refuses a malformed number or purpose with BAD_REQUEST on the field", async () => {
    const anonymous = await callerAs(null, { ip: freshIp() });
    await expect(anonymous.auth.requestCode({ phone: "hello", purpose: "SIGN_IN" })).toHaveTRPCCode("BAD_REQUEST");
    expect(await fieldErrorsOf(anonymous.auth.requestCode({ phone: "hello", purpose: "SIGN_IN" }))).toHaveProperty(
      "phone",
    );
    await expect(anonymous.auth.requestCode({ phone: "+79001000001", purpose: "LOGIN" as never })).toHaveTRPCCode(
      "BAD_REQUEST",
    );
  });

  it("sends at most 5 codes per number an hour, counted across two app instances and a restart", async () => {
    const { phone } = takeSubscriber();
    const instanceA = testDb();
    const instanceB = createDatabase(testDatabaseUrl(), { max: 2 });
    const start = Date.now();
    try {
      for (let i = 0; i < 5; i++) {
        const db = i % 2 ? instanceB : instanceA;
        const answer = await requestCode(
          db,
          { phone, purpose: "SIGN_IN", ip: freshIp(), locale: "ru", channel: "WEB" },
          new Date(start + i * 61_000),
        );
        expect(answer).toEqual({ retryAfterSeconds: 60 });
      }
      // A "restarted" instance: a new client with nothing in memory.
      await instanceB.$disconnect();
      const restarted = createDatabase(testDatabaseUrl(), { max: 2 });
      try {
        const sixth = await requestCode(
          restarted,
          { phone, purpose: "SIGN_IN", ip: freshIp(), locale: "ru", channel: "WEB" },
          new Date(start + 5 * 61_000),
        );
        // The first of the five leaves the hour 60 minutes after it was sent.
        expect(sixth.retryAfterSeconds).toBe(60 * 60 - 5 * 61);
        expect(await smsCountTo(phone)).toBe(5);
      } finally {
        await restarted.$disconnect();
      }
    } finally {
      await instanceB.$disconnect().catch(() => {});
    }
  });

  it("two instances asked at the same moment send one code", async () => {
    const { phone } = takeSubscriber();
    const other = createDatabase(testDatabaseUrl(), { max: 2 });
    try {
      const now = new Date();
      const answers = await Promise.all(
        [testDb(), other, testDb(), other].map((db) =>
          requestCode(db, { phone, purpose: "SIGN_IN", ip: freshIp(), locale: "en", channel: "WEB" }, now),
        ),
      );
      // The same shape every time; asked at one instant, the refused ones wait the full minute too.
      for (const answer of answers) expect(answer).toEqual({ retryAfterSeconds: 60 });
      expect(await smsCountTo(phone)).toBe(1);
    } finally {
      await other.$disconnect();
    }
  });

  it("an address gets a bounded number of codes, whatever the numbers", async () => {
    const ip = freshIp();
    const now = Date.now();
    const answers = [];
    for (let i = 0; i < 21; i++) {
      answers.push(
        await requestCode(
          testDb(),
          { phone: `+7901555${String(i).padStart(4, "0")}`, purpose: "SIGN_IN", ip, locale: "ru", channel: "WEB" },
          new Date(now + i * 1000),
        ),
      );
    }
    expect(answers.slice(0, 20).every((answer) => answer.retryAfterSeconds === 60)).toBe(true);
    expect(answers[20]!.retryAfterSeconds).toBeGreaterThan(3000);
  });
});

describe("signing in with a code", () => {
  it("opens a session once: the same code a second time is refused", async () => {
    const db = testDb();
    const subscriber = takeSubscriber();
    const anonymous = await callerAs(null, { ip: freshIp() });
    await anonymous.auth.requestCode({ phone: subscriber.phone, purpose: "SIGN_IN" });
    const code = (await lastCodeTo(subscriber.phone))!;

    const first = await signIn(db, { identifier: subscriber.phone, code, ip: freshIp(), userAgent: "test" });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.user).toMatchObject({ id: subscriber.id, role: "SUBSCRIBER", customerId: subscriber.customerId });
    expect(await loadSession(db, first.user.sessionId)).not.toBeNull();
    expect(
      await db.interaction.count({ where: { customerId: subscriber.customerId, type: "SIGNED_IN_BY_CODE" } }),
    ).toBe(1);

    expect(await signIn(db, { identifier: subscriber.phone, code, ip: freshIp() })).toEqual({
      ok: false,
      reason: "INVALID",
    });
    // A RESET_PASSWORD code does not sign in.
    await requestCode(
      db,
      { phone: subscriber.phone, purpose: "RESET_PASSWORD", ip: freshIp(), locale: "ru", channel: "WEB" },
      new Date(Date.now() + 61_000),
    );
    const resetCode = (await lastCodeTo(subscriber.phone))!;
    expect((await signIn(db, { identifier: subscriber.phone, code: resetCode, ip: freshIp() })).ok).toBe(false);
  });

  it("five wrong codes kill it: the right one is refused after them", async () => {
    const db = testDb();
    const { phone } = takeSubscriber();
    await requestCode(db, { phone, purpose: "SIGN_IN", ip: freshIp(), locale: "ru", channel: "WEB" });
    const code = (await lastCodeTo(phone))!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    // Wrong tries from several instances and addresses all count against the one code.
    const other = createDatabase(testDatabaseUrl(), { max: 2 });
    try {
      await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          signIn(i % 2 ? other : db, { identifier: phone, code: wrong, ip: freshIp() }),
        ),
      );
    } finally {
      await other.$disconnect();
    }
    expect((await signIn(db, { identifier: phone, code, ip: freshIp() })).ok).toBe(false);
  });

  it("four wrong codes leave it alive; an expired code is refused", async () => {
    const db = testDb();
    const { phone } = takeSubscriber();
    const sentAt = new Date();
    await requestCode(db, { phone, purpose: "SIGN_IN", ip: freshIp(), locale: "ru", channel: "WEB" }, sentAt);
    const code = (await lastCodeTo(phone))!;
    const wrong = code === "000000" ? "000001" : "000000";
    for (let i = 0; i < 4; i++) await signIn(db, { identifier: phone, code: wrong, ip: freshIp() }, sentAt);
    expect((await signIn(db, { identifier: phone, code, ip: freshIp() }, new Date(sentAt.getTime() + MINUTE))).ok).toBe(
      true,
    );

    const later = new Date(sentAt.getTime() + 2 * MINUTE);
    await requestCode(db, { phone, purpose: "SIGN_IN", ip: freshIp(), locale: "ru", channel: "WEB" }, later);
    const second = (await lastCodeTo(phone))!;
    const expired = new Date(later.getTime() + 5 * MINUTE);
    expect((await signIn(db, { identifier: phone, code: second, ip: freshIp() }, expired)).ok).toBe(false);
  });

  it("a new code replaces the one before it", async () => {
    const db = testDb();
    const { phone } = takeSubscriber();
    const now = Date.now();
    await requestCode(db, { phone, purpose: "SIGN_IN", ip: freshIp(), locale: "ru", channel: "WEB" }, new Date(now));
    const first = (await lastCodeTo(phone))!;
    await requestCode(
      db,
      { phone, purpose: "SIGN_IN", ip: freshIp(), locale: "ru", channel: "WEB" },
      new Date(now + 61_000),
    );
    const second = (await lastCodeTo(phone))!;
    if (first !== second) {
      expect((await signIn(db, { identifier: phone, code: first, ip: freshIp() }, new Date(now + 62_000))).ok).toBe(
        false,
      );
    }
    expect((await signIn(db, { identifier: phone, code: second, ip: freshIp() }, new Date(now + 62_000))).ok).toBe(
      true,
    );
  });

  it("the text is in the caller's language, and the password sign-in of the demo accounts is unchanged", async () => {
    const db = testDb();
    const { phone } = takeSubscriber();
    await requestCode(db, { phone, purpose: "SIGN_IN", ip: freshIp(), locale: "en", channel: "WEB" });
    const message = await db.smsMessage.findFirstOrThrow({ where: { to: phone } });
    expect(message.body).toMatch(/^Selfcare sign-in code: \d{6}\./);
    expect(message.isSecret).toBe(true);
    expect((await signIn(db, { identifier: DEMO.silver, password: "selfcare-demo", ip: freshIp() })).ok).toBe(true);
    expect(
      (
        await signIn(db, {
          identifier: DEMO.admin,
          password: "selfcare-demo",
          totp: await demoTotpCode(),
          ip: freshIp(),
        })
      ).ok,
    ).toBe(true);
  });
});

afterAll(async () => {
  await testDb()
    .user.update({ where: { email: DEMO.agent1 }, data: { phone: null } })
    .catch(() => {});
});
