import http from "node:http";
import type { AddressInfo } from "node:net";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTrpcNodeHandler, MAX_BODY_BYTES } from "./trpc-node-handler";

type Context = { user: string | null; forwardedFor: string | null };

const t = initTRPC.context<Context>().create({ transformer: superjson });
const created: string[] = [];
const router = t.router({
  whoAmI: t.procedure.query(({ ctx }) => ({
    user: ctx.user,
    forwardedFor: ctx.forwardedFor,
    at: new Date(Date.UTC(2026, 10, 27)),
  })),
  double: t.procedure.input(z.object({ n: z.number().int() })).query(({ input }) => input.n * 2),
  create: t.procedure.input(z.object({ subject: z.string().min(1) })).mutation(({ input }) => {
    created.push(input.subject);
    return { id: `req_${created.length}` };
  }),
  locked: t.procedure.query(({ ctx }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED" });
    return "open";
  }),
});

let base = "";
let server: http.Server;

beforeAll(async () => {
  const handle = createTrpcNodeHandler({
    router,
    basePath: "/api/trpc/",
    createContext: async (request, headers) => ({
      user: headers.get("x-user"),
      forwardedFor: request.socket.remoteAddress ?? null,
    }),
  });
  server = http.createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const input = (value: unknown) => encodeURIComponent(JSON.stringify(superjson.serialize(value)));

describe("createTrpcNodeHandler", () => {
  it("answers a query with the context built from the request's headers, superjson intact", async () => {
    const response = await fetch(`${base}whoAmI`, { headers: { "X-User": "usr_1" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = await response.json();
    expect(superjson.deserialize(body.result.data)).toEqual({
      user: "usr_1",
      forwardedFor: "127.0.0.1",
      at: new Date(Date.UTC(2026, 10, 27)),
    });
  });

  it("answers a batch of queries in order, as httpBatchLink sends them", async () => {
    const batch = encodeURIComponent(
      JSON.stringify({ 0: superjson.serialize({ n: 2 }), 1: superjson.serialize({ n: 21 }) }),
    );
    const response = await fetch(`${base}double,double?batch=1&input=${batch}`);
    const body = (await response.json()) as { result: { data: { json: number } } }[];
    expect(body.map((item) => item.result.data.json)).toEqual([4, 42]);
  });

  it("reads a mutation's body and runs it once", async () => {
    const before = created.length;
    const response = await fetch(`${base}create`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(superjson.serialize({ subject: "Нет связи" })),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).result.data.json).toEqual({ id: `req_${before + 1}` });
    expect(created.slice(before)).toEqual(["Нет связи"]);
  });

  it("keeps tRPC's status codes: bad input 400 with the field, no session 401, unknown procedure 404", async () => {
    const bad = await fetch(`${base}double?input=${input({ n: 1.5 })}`);
    expect(bad.status).toBe(400);
    const refusal = (await bad.json()).error.json;
    expect(refusal.data.code).toBe("BAD_REQUEST");
    expect(refusal.message).toContain('"n"');
    expect((await fetch(`${base}locked`)).status).toBe(401);
    expect((await fetch(`${base}missing`)).status).toBe(404);
    expect(
      (
        await fetch(`${base}create`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: "{not json",
        })
      ).status,
    ).toBe(400);
  });

  it("refuses a body over the limit with 413 and runs nothing", async () => {
    const before = created.length;
    const response = await fetch(`${base}create`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(superjson.serialize({ subject: "x".repeat(MAX_BODY_BYTES) })),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error.json.data.code).toBe("PAYLOAD_TOO_LARGE");
    expect(created.length).toBe(before);
  });
});
