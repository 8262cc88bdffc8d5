import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../domain/errors";
import type { SessionUser } from "../domain/identity/session-user";
import {
  adminProcedure,
  agentProcedure,
  createCallerFactory,
  createTRPCRouter,
  partnerProcedure,
  protectedProcedure,
  publicProcedure,
  subscriberProcedure,
  type Context,
} from "./trpc";

const router = createTRPCRouter({
  fail: publicProcedure.input(z.object({ code: z.string() })).query(({ input }) => {
    if (input.code === "unique")
      throw Object.assign(new Error("Unique constraint failed on the fields: (`key`)"), { code: "P2002" });
    if (input.code === "crash") throw new Error("database password is hunter2");
    throw new AppError(input.code as AppError["code"], `domain says ${input.code}`, { amountCents: "too big" });
  }),
  strict: publicProcedure.input(z.object({ limit: z.number().int().min(1).max(100) })).query(() => "ok"),
  protected: protectedProcedure.query(() => "ok"),
  subscriber: subscriberProcedure.query(({ ctx }) => ctx.customerId),
  agent: agentProcedure.query(() => "ok"),
  partner: partnerProcedure.query(({ ctx }) => ctx.partnerId),
  admin: adminProcedure.query(() => "ok"),
  locale: publicProcedure.query(({ ctx }) => ctx.locale),
  actor: protectedProcedure.query(({ ctx }) => ctx.actor),
  requestId: publicProcedure.query(({ ctx }) => ctx.requestId),
});
const createCaller = createCallerFactory(router);

function session(role: SessionUser["role"]): SessionUser {
  return {
    id: "u1",
    sessionId: "s1",
    role,
    name: "Test",
    locale: "ru",
    customerId: role === "SUBSCRIBER" ? "c1" : null,
    partnerId: role === "PARTNER" ? "p1" : null,
  };
}

function callerFor(role: SessionUser["role"] | null, extra: Partial<Context> = {}) {
  const ctx: Context = {
    db: {} as Context["db"],
    session: role ? session(role) : null,
    ip: "127.0.0.1",
    channel: "WEB",
    ...extra,
  };
  return createCaller(ctx);
}

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as TRPCError;
  }
  throw new Error("expected an error");
}

describe("domain errors map to tRPC codes in one place", () => {
  it.each(["NOT_FOUND", "FORBIDDEN", "CONFLICT", "BAD_REQUEST", "TOO_MANY_REQUESTS", "UNAUTHORIZED"])(
    "%s",
    async (code) => {
      const error = await errorOf(callerFor(null).fail({ code }));
      expect(error.code).toBe(code);
      expect(error.message).toBe(`domain says ${code}`);
    },
  );

  it("turns a unique violation into CONFLICT", async () => {
    expect((await errorOf(callerFor(null).fail({ code: "unique" }))).code).toBe("CONFLICT");
  });

  it("hides an unexpected error's message", async () => {
    const error = await errorOf(callerFor(null).fail({ code: "crash" }));
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error.message).not.toContain("hunter2");
  });

  it("answers invalid input with BAD_REQUEST", async () => {
    expect((await errorOf(callerFor(null).strict({ limit: 0 }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(callerFor(null).strict({ limit: 101 }))).code).toBe("BAD_REQUEST");
    await expect(callerFor(null).strict({ limit: 100 })).resolves.toBe("ok");
  });
});

describe("role walls", () => {
  const cases: [
    string,
    SessionUser["role"] | null,
    "subscriber" | "agent" | "partner" | "admin" | "protected",
    string,
  ][] = [
    ["anonymous", null, "protected", "UNAUTHORIZED"],
    ["anonymous", null, "subscriber", "UNAUTHORIZED"],
    ["agent", "AGENT", "subscriber", "FORBIDDEN"],
    ["partner", "PARTNER", "agent", "FORBIDDEN"],
    ["subscriber", "SUBSCRIBER", "agent", "FORBIDDEN"],
    ["subscriber", "SUBSCRIBER", "partner", "FORBIDDEN"],
    ["agent", "AGENT", "admin", "FORBIDDEN"],
    ["admin", "ADMIN", "partner", "FORBIDDEN"],
  ];
  it.each(cases)("%s calling %s... answers %s", async (_who, role, procedure, code) => {
    expect((await errorOf(callerFor(role)[procedure]())).code).toBe(code);
  });

  it("lets each role through its own door, and an admin through the agent's", async () => {
    await expect(callerFor("SUBSCRIBER").subscriber()).resolves.toBe("c1");
    await expect(callerFor("AGENT").agent()).resolves.toBe("ok");
    await expect(callerFor("ADMIN").agent()).resolves.toBe("ok");
    await expect(callerFor("PARTNER").partner()).resolves.toBe("p1");
    await expect(callerFor("ADMIN").admin()).resolves.toBe("ok");
  });
});

describe("what every procedure knows about its request", () => {
  const device = { cookie: "en", acceptLanguage: "ru-RU,ru;q=0.9" };

  it("speaks the account's language when signed in, else the device's, else Russian", async () => {
    const english = { ...session("SUBSCRIBER"), locale: "en" };
    await expect(callerFor(null, { session: english, languages: { cookie: "ru" } }).locale()).resolves.toBe("en");
    await expect(callerFor("SUBSCRIBER", { languages: device }).locale()).resolves.toBe("ru");
    await expect(callerFor(null, { languages: device }).locale()).resolves.toBe("en");
    await expect(callerFor(null, { languages: { acceptLanguage: "en-GB,en;q=0.9" } }).locale()).resolves.toBe("en");
    await expect(callerFor(null).locale()).resolves.toBe("ru");
  });

  it("names the actor of audited actions: user, role, name and address", async () => {
    await expect(callerFor("AGENT", { ip: "203.0.113.7" }).actor()).resolves.toEqual({
      id: "u1",
      role: "AGENT",
      name: "Test",
      ip: "203.0.113.7",
    });
  });

  it("keeps the request's id, or gives a call without one its own", async () => {
    await expect(callerFor(null, { requestId: "req-1" }).requestId()).resolves.toBe("req-1");
    const [first, second] = [await callerFor(null).requestId(), await callerFor(null).requestId()];
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
  });
});
