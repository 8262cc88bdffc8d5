import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTRPCRouter, publicProcedure, type Context } from "@/server/api/trpc";
import { AppError } from "@/server/domain/errors";
import { queuedResponseBody } from "../_pwa/offline-rules";
import { readTRPCError } from "./trpc-error";

// A router on the app's own procedures and errorFormatter, called over HTTP as the browser does.
const router = createTRPCRouter({
  pay: publicProcedure
    .input(z.object({ amountCents: z.number().int().max(100, "Too large"), note: z.string().min(3) }))
    .mutation(() => "paid"),
  save: publicProcedure.mutation(() => {
    throw new AppError("BAD_REQUEST", "Nothing changed", { policy: "Nothing changed" });
  }),
  take: publicProcedure.mutation(() => {
    throw new AppError("CONFLICT", "The number is taken");
  }),
  check: publicProcedure.mutation(() => {
    throw new AppError("TOO_MANY_REQUESTS", "Too many checks; try again after 2026-11-26T10:15:00.000Z (in 60 s)");
  }),
});

const client = createTRPCClient<typeof router>({
  links: [
    httpBatchLink({
      url: "http://selfcare.test/api/trpc",
      transformer: superjson,
      fetch: (url, init) =>
        fetchRequestHandler({
          endpoint: "/api/trpc",
          req: new Request(url, init as RequestInit),
          router,
          createContext: () => ({}) as Context,
        }),
    }),
  ],
});

const failureOf = (call: Promise<unknown>) => call.then(() => expect.unreachable(), readTRPCError);

describe("readTRPCError in the browser (TRPCClientError)", () => {
  it("reads the code and the zod fields as the errorFormatter reports them", async () => {
    expect(await failureOf(client.pay.mutate({ amountCents: 150, note: "" }))).toEqual({
      code: "BAD_REQUEST",
      message: "Invalid input: amountCents, note",
      fields: { amountCents: "Too large", note: expect.any(String) },
      retryAt: null,
      isQueued: false,
    });
  });

  it("reads a domain error's own fields and message", async () => {
    expect(await failureOf(client.save.mutate())).toMatchObject({
      code: "BAD_REQUEST",
      message: "Nothing changed",
      fields: { policy: "Nothing changed" },
    });
    expect(await failureOf(client.take.mutate())).toMatchObject({ code: "CONFLICT", fields: {} });
  });

  it("reads when a TOO_MANY_REQUESTS refusal may be retried", async () => {
    const failure = await failureOf(client.check.mutate());
    expect(failure.code).toBe("TOO_MANY_REQUESTS");
    expect(failure.retryAt).toEqual(new Date("2026-11-26T10:15:00.000Z"));
  });

  it("recognises the service worker's answer that it kept the submission (offline)", () => {
    const [envelope] = JSON.parse(
      queuedResponseBody({ procedure: "request.create", isBatch: true, message: "m", outboxId: "k" }),
    );
    expect(readTRPCError({ message: "m", data: envelope.error.json.data }).isQueued).toBe(true);
  });
});

describe("readTRPCError on the server (a TRPCError from a server-side caller)", () => {
  it("reads the code, and the fields from the cause as the errorFormatter would", () => {
    const zodError = z.object({ limit: z.number().max(100) }).safeParse({ limit: 101 }).error;
    expect(readTRPCError(new TRPCError({ code: "BAD_REQUEST", cause: zodError }))).toMatchObject({
      code: "BAD_REQUEST",
      fields: { limit: expect.any(String) },
    });
    const domain = new AppError("BAD_REQUEST", "Bad date", { to: "Bad date" });
    expect(readTRPCError(new TRPCError({ code: "BAD_REQUEST", message: domain.message, cause: domain }))).toEqual({
      code: "BAD_REQUEST",
      message: "Bad date",
      fields: { to: "Bad date" },
      retryAt: null,
      isQueued: false,
    });
    expect(readTRPCError(new TRPCError({ code: "NOT_FOUND", message: "Bill not found" })).code).toBe("NOT_FOUND");
  });
});

describe("readTRPCError on anything else", () => {
  it.each([
    [new Error("Failed to fetch"), "Failed to fetch"],
    [null, ""],
    [undefined, ""],
    ["boom", ""],
    [{ code: "P2002", message: "Unique constraint failed" }, "Unique constraint failed"],
    [{ data: { code: "NOT_A_CODE", fields: ["x"] } }, ""],
  ])("%s has no tRPC code", (error, message) => {
    expect(readTRPCError(error)).toEqual({ code: null, message, fields: {}, retryAt: null, isQueued: false });
  });
});
