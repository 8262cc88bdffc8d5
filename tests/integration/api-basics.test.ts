import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { createContext } from "../../server/api/context";
import { createCaller } from "../../server/api/root";
import { endSession } from "../../server/auth/sign-in";
import { callerAs, DEMO, sessionFor } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { fieldErrorsOf } from "./helpers/trpc-errors";

describe("me.get", () => {
  it.each([
    [DEMO.platinum, "SUBSCRIBER"],
    [DEMO.agent1, "AGENT"],
    [DEMO.dealer1, "PARTNER"],
    [DEMO.admin, "ADMIN"],
  ])("returns %s's role %s", async (identifier, role) => {
    const me = await (await callerAs(identifier)).me.get();
    expect(me.role).toBe(role);
    expect(me.name.length).toBeGreaterThan(0);
    expect(["ru", "en"]).toContain(me.locale);
  });

  it("gives a subscriber their customer and a dealer their partner", async () => {
    const subscriber = await (await callerAs(DEMO.platinum)).me.get();
    const dealer = await (await callerAs(DEMO.dealer1)).me.get();
    expect(subscriber.customerId).toBeTruthy();
    expect(subscriber.partnerId).toBeUndefined();
    expect(dealer.partnerId).toBeTruthy();
    expect(dealer.customerId).toBeUndefined();
  });

  it("is UNAUTHORIZED without a session", async () => {
    await expect((await callerAs(null)).me.get()).toHaveTRPCCode("UNAUTHORIZED");
  });
});

describe("me.setLocale", () => {
  it("stores the language", async () => {
    const caller = await callerAs(DEMO.silver);
    await caller.me.setLocale({ locale: "en" });
    expect((await caller.me.get()).locale).toBe("en");
    await caller.me.setLocale({ locale: "ru" });
  });

  it("refuses an unknown language with BAD_REQUEST naming the field, and changes nothing", async () => {
    const caller = await callerAs(DEMO.silver);
    expect(Object.keys(await fieldErrorsOf(caller.me.setLocale({ locale: "de" as "en" })))).toEqual(["locale"]);
    expect((await caller.me.get()).locale).toBe("ru");
  });
});

describe("account.summary", () => {
  it("shows the PLATINUM subscriber their lines with tariffs and usage", async () => {
    const summary = await (await callerAs(DEMO.platinum)).account.summary();
    expect(summary.lines.length).toBeGreaterThanOrEqual(3);
    expect(summary.lines.map((line) => line.msisdn)).toContain(DEMO.platinum);
    for (const line of summary.lines) {
      expect(line.tariff.monthlyFeeCents).toBeGreaterThan(0);
      expect(Number.isInteger(line.usage.minutes.used)).toBe(true);
    }
    expect(summary.nextBillDate.getTime()).toBeGreaterThan(Date.now());
  });

  it("shows each subscriber only their own account", async () => {
    const platinum = await (await callerAs(DEMO.platinum)).account.summary();
    const bronze = await (await callerAs(DEMO.bronze)).account.summary();
    expect(bronze.accountNumber).not.toBe(platinum.accountNumber);
    expect(bronze.lines).toHaveLength(1);
    const ids = new Set(platinum.lines.map((line) => line.id));
    expect(bronze.lines.some((line) => ids.has(line.id))).toBe(false);
  });

  it.each([DEMO.agent1, DEMO.dealer1, DEMO.admin])("is FORBIDDEN for %s", async (identifier) => {
    await expect((await callerAs(identifier)).account.summary()).toHaveTRPCCode("FORBIDDEN");
  });
});

describe("HTTP context", () => {
  const secret = "integration-test-secret";

  async function contextWithToken(sid: string) {
    process.env.NEXTAUTH_SECRET = secret;
    const value = await encode({ token: { sid }, secret });
    return createContext({
      cookies: { getAll: () => [{ name: "next-auth.session-token", value }] },
      // The address as the web server's listener hands it on; X-Forwarded-For is not read here.
      headers: new Headers({
        "x-selfcare-client-ip": "198.51.100.7",
        "x-forwarded-for": "203.0.113.7, 10.0.0.1",
        "x-selfcare-channel": "PWA",
      }),
    });
  }

  it("reads the session, the caller's address and the channel", async () => {
    const { sessionId } = await sessionFor(DEMO.silver);
    const ctx = await contextWithToken(sessionId);
    expect(ctx.session?.role).toBe("SUBSCRIBER");
    expect(ctx.ip).toBe("198.51.100.7");
    expect(ctx.channel).toBe("PWA");
  });

  it("has no session once it was ended, so every procedure answers UNAUTHORIZED", async () => {
    const { sessionId } = await sessionFor(DEMO.silver);
    await endSession(testDb(), sessionId);
    const ctx = await contextWithToken(sessionId);
    expect(ctx.session).toBeNull();
    await expect(createCaller(ctx).me.get()).toHaveTRPCCode("UNAUTHORIZED");
  });
});
