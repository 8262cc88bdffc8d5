import { describe, expect, it } from "vitest";
import { signIn } from "../../server/auth/sign-in";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { newSubscriber } from "./helpers/partner";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { readTRPCError } from "../../app/_lib/trpc-error";
import { fieldErrorsOf } from "./helpers/trpc-errors";

let numberOffset = 0;

async function registerOne() {
  const dealer = await callerAs(DEMO.dealer2);
  const numbers = (await dealer.partner.availableNumbers({ limit: 60 })).filter((n) => !n.isReservedByMe);
  const msisdn = numbers[numberOffset++]!.msisdn;
  const result = await dealer.partner.registerSubscriber({
    customer: newSubscriber({ firstName: "Олег", lastName: "Кузнецов" }),
    tariffId: "trf_smart_plus",
    msisdn,
    idempotencyKey: newIdempotencyKey("reg"),
  });
  return { ...result, msisdn: result.msisdn!, activationCode: result.activationCode! };
}

const NEW_PASSWORD = "my-new-secret-42";

describe("activation.activate", () => {
  it("lets the new subscriber set a password with the account number and code, consumes the code, then sign in", async () => {
    const db = testDb();
    const registered = await registerOne();
    // Before activation there is no password: sign-in is refused.
    expect((await signIn(db, { identifier: registered.msisdn, password: NEW_PASSWORD, ip: "10.0.0.1" })).ok).toBe(
      false,
    );

    const anonymous = await callerAs(null, { ip: "10.0.0.2" });
    const activated = await anonymous.activation.activate({
      identifier: registered.accountNumber,
      code: registered.activationCode.toLowerCase().replace("-", " "),
      password: NEW_PASSWORD,
    });
    expect(activated).toEqual({
      phone: registered.msisdn,
      accountNumber: registered.accountNumber,
      name: "Олег Кузнецов",
    });

    const login = await db.user.findUniqueOrThrow({ where: { phone: registered.msisdn } });
    expect(login).toMatchObject({ activationCodeHash: null, activationExpiresAt: null });
    expect(
      await db.interaction.count({
        where: { customerId: registered.customerId, type: "ACCOUNT_ACTIVATED", channel: "WEB" },
      }),
    ).toBe(1);

    const session = await signIn(db, { identifier: registered.msisdn, password: NEW_PASSWORD, ip: "10.0.0.2" });
    expect(session.ok).toBe(true);
    if (!session.ok) return;
    expect(session.user).toMatchObject({ role: "SUBSCRIBER", customerId: registered.customerId });

    // The code works once.
    const again = await fieldErrorsOf(
      anonymous.activation.activate({
        identifier: registered.accountNumber,
        code: registered.activationCode,
        password: "another-pass-1",
      }),
    );
    expect(again.code).toBeTruthy();
    expect((await signIn(db, { identifier: registered.msisdn, password: NEW_PASSWORD, ip: "10.0.0.2" })).ok).toBe(true);
  });

  it("accepts the new phone number in any common form instead of the account number", async () => {
    const registered = await registerOne();
    const local = `8 ${registered.msisdn.slice(2, 5)} ${registered.msisdn.slice(5, 8)}-${registered.msisdn.slice(8, 10)}-${registered.msisdn.slice(10)}`;
    const activated = await (
      await callerAs(null, { ip: "10.0.1.1" })
    ).activation.activate({
      identifier: local,
      code: registered.activationCode,
      password: NEW_PASSWORD,
    });
    expect(activated.phone).toBe(registered.msisdn);
    const subscriber = await callerAs(registered.msisdn);
    const summary = await subscriber.account.summary();
    expect(summary.accountNumber).toBe(registered.accountNumber);
    expect(summary.lines.map((line) => line.msisdn)).toEqual([registered.msisdn]);
  });

  it("refuses a wrong code, a short password, an expired code, and an unknown account, changing nothing", async () => {
    const db = testDb();
    const registered = await registerOne();
    const anonymous = await callerAs(null, { ip: "10.0.2.1" });

    expect(
      (
        await fieldErrorsOf(
          anonymous.activation.activate({
            identifier: registered.accountNumber,
            code: "ABCD-EFGH",
            password: NEW_PASSWORD,
          }),
        )
      ).code,
    ).toMatch(/does not match/);
    expect(
      Object.keys(
        await fieldErrorsOf(
          anonymous.activation.activate({
            identifier: registered.accountNumber,
            code: registered.activationCode,
            password: "short",
          }),
        ),
      ),
    ).toEqual(["password"]);
    // NIST SP 800-63B: a common password, or the account's own number, is refused on the field.
    for (const guessable of ["password123", "qwertyuiop", registered.msisdn.replace("+", "")]) {
      expect(
        await fieldErrorsOf(
          anonymous.activation.activate({
            identifier: registered.accountNumber,
            code: registered.activationCode,
            password: guessable,
          }),
        ),
      ).toEqual({ password: "This password is among the most common ones; choose another" });
    }
    expect(
      Object.keys(
        await fieldErrorsOf(
          anonymous.activation.activate({
            identifier: "hello",
            code: registered.activationCode,
            password: NEW_PASSWORD,
          }),
        ),
      ),
    ).toEqual(["identifier"]);
    expect(
      (
        await fieldErrorsOf(
          anonymous.activation.activate({ identifier: "5000000000", code: "ABCD-EFGH", password: NEW_PASSWORD }),
        )
      ).code,
    ).toMatch(/does not match/);
    // A seeded subscriber who has a password cannot be "activated" again.
    expect(
      (
        await fieldErrorsOf(
          anonymous.activation.activate({ identifier: DEMO.silver, code: "ABCD-EFGH", password: NEW_PASSWORD }),
        )
      ).code,
    ).toMatch(/does not match/);

    await db.user.update({
      where: { phone: registered.msisdn },
      data: { activationExpiresAt: new Date(Date.now() - 1000) },
    });
    expect(
      (
        await fieldErrorsOf(
          anonymous.activation.activate({
            identifier: registered.accountNumber,
            code: registered.activationCode,
            password: NEW_PASSWORD,
          }),
        )
      ).code,
    ).toMatch(/expired/);
    expect((await db.user.findUniqueOrThrow({ where: { phone: registered.msisdn } })).passwordHash).toBeNull();

    // The dealer issues a new code; it works.
    const reissued = await (
      await callerAs(DEMO.dealer2)
    ).partner.reissueActivationCode({ orderId: registered.orderId, idempotencyKey: newIdempotencyKey("reg") });
    await anonymous.activation.activate({
      identifier: registered.accountNumber,
      code: reissued.activationCode,
      password: NEW_PASSWORD,
    });
    await expect(
      (await callerAs(DEMO.dealer2)).partner.reissueActivationCode({
        orderId: registered.orderId,
        idempotencyKey: newIdempotencyKey("reg"),
      }),
    ).toHaveTRPCCode("CONFLICT");
  });

  it("locks activation after ten wrong codes, even when the right code follows", async () => {
    const registered = await registerOne();
    const anonymous = await callerAs(null, { ip: "10.0.3.1" });
    for (let attempt = 0; attempt < 10; attempt++) {
      await expect(
        anonymous.activation.activate({
          identifier: registered.accountNumber,
          code: `WRNG-${attempt}${attempt}${attempt}${attempt}`,
          password: NEW_PASSWORD,
        }),
        `attempt ${attempt + 1}`,
      ).toHaveTRPCCode(attempt < 9 ? "BAD_REQUEST" : "TOO_MANY_REQUESTS");
    }
    await expect(
      anonymous.activation.activate({
        identifier: registered.accountNumber,
        code: registered.activationCode,
        password: NEW_PASSWORD,
      }),
    ).toHaveTRPCCode("TOO_MANY_REQUESTS");
    expect((await testDb().user.findUniqueOrThrow({ where: { phone: registered.msisdn } })).passwordHash).toBeNull();
  });
});

describe("activation.activate abuse limit per address", () => {
  it("allows 30 attempts from one address in 10 minutes, then refuses even the right code and activates nothing", async () => {
    const db = testDb();
    const registered = await registerOne();
    const attacker = await callerAs(null, { ip: "10.9.9.9" });
    // Wrong codes spread over many accounts, so no account lock is reached (10 per account).
    for (let attempt = 0; attempt < 30; attempt++) {
      const identifier = `50${String(10_000_000 + attempt)}`;
      await expect(
        attacker.activation.activate({ identifier, code: "ABCD-EFGH", password: NEW_PASSWORD }),
      ).toHaveTRPCCode("BAD_REQUEST");
    }
    const refusal = await attacker.activation
      .activate({ identifier: registered.accountNumber, code: registered.activationCode, password: NEW_PASSWORD })
      .catch((error: unknown) => error);
    expect(readTRPCError(refusal)).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAt: expect.any(Date) });
    expect((await db.user.findUniqueOrThrow({ where: { phone: registered.msisdn } })).passwordHash).toBeNull();

    // Another address is not held back by this one.
    const activated = await (
      await callerAs(null, { ip: "10.9.9.10" })
    ).activation.activate({
      identifier: registered.accountNumber,
      code: registered.activationCode,
      password: NEW_PASSWORD,
    });
    expect(activated.accountNumber).toBe(registered.accountNumber);
  });
});
