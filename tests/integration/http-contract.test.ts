/**
 * The tRPC contract over HTTP, through the request listener the web server runs in production
 * and in development (server/http/request-listener.ts) with the real appRouter: what a browser's
 * httpBatchLink and a third-party client see. Next.js itself is stood in for by a handler that
 * answers a page, so the headers can be checked on every kind of answer; tests/e2e/headers.spec.ts
 * checks them on the built server.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestListener } from "../../server/http/request-listener";
import { SECURITY_HEADERS } from "../../server/http/security-headers";
import { MAX_BATCH_SIZE, MAX_BODY_BYTES } from "../../server/domain/http-limits";
import { DEMO, sessionFor } from "./helpers/callers";
import { testDb } from "./helpers/db";

const SECRET = "contract-test-secret";
let base = "";
let server: http.Server;
let cookie = "";
let userId = "";
/** The requests the stand-in for Next.js received: a refused body must never reach it. */
const reachedNext: string[] = [];

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  const session = await sessionFor(DEMO.silver);
  userId = session.id;
  cookie = `next-auth.session-token=${await encode({ token: { sid: session.sessionId }, secret: SECRET })}`;

  const distDir = mkdtempSync(path.join(tmpdir(), "contract-dist-"));
  mkdirSync(path.join(distDir, "static/chunks"), { recursive: true });
  writeFileSync(path.join(distDir, "static/chunks/app.js"), "console.log('app');".repeat(100));
  const listener = createRequestListener({
    distDir,
    handleWithNext: async (request, response) => {
      reachedNext.push(`${request.method} ${request.url}`);
      if (request.url === "/broken") throw new Error("a page that fails");
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end("<!doctype html><title>page</title>");
    },
  });
  server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const batchInput = (...inputs: unknown[]) =>
  encodeURIComponent(JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, superjson.serialize(input)]))));

function post(procedure: string, body: string, headers: Record<string, string> = { cookie }) {
  return fetch(`${base}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body,
  });
}

async function localeOfUser(): Promise<string> {
  return (await testDb().user.findUniqueOrThrow({ where: { id: userId } })).locale;
}

async function errorCodeOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { json: { data: { code: string } } } }).error.json.data.code;
}

function expectSecurityHeaders(response: Response) {
  for (const { key, value } of SECURITY_HEADERS) expect(response.headers.get(key), key).toBe(value);
  // A nonce of its own on every answer (tests/integration/security-headers.test.ts checks the policy whole).
  expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' /);
}

describe("tRPC over HTTP through the web server's request listener", () => {
  it("answers a GET batch of several queries in order, as httpBatchLink sends it, with superjson intact", async () => {
    const response = await fetch(
      `${base}/api/trpc/me.get,account.summary,bill.list?batch=1&input=${batchInput(undefined, undefined, { limit: 2 })}`,
      { headers: { cookie } },
    );
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    const [me, summary, bills] = ((await response.json()) as { result: { data: { json: unknown } } }[]).map((item) =>
      superjson.deserialize(item.result.data as never),
    ) as [{ id: string; role: string }, { nextBillDate: Date; lines: unknown[] }, { items: { issuedAt: Date }[] }];
    expect(me).toMatchObject({ id: userId, role: "SUBSCRIBER" });
    expect(summary.nextBillDate).toBeInstanceOf(Date);
    expect(summary.lines.length).toBeGreaterThan(0);
    expect(bills.items).toHaveLength(2);
    expect(bills.items[0]!.issuedAt).toBeInstanceOf(Date);
    expect(bills.items[0]!.issuedAt.getTime()).toBeGreaterThanOrEqual(bills.items[1]!.issuedAt.getTime());
  });

  it("runs a mutation sent by POST with a superjson body", async () => {
    const response = await post("me.setLocale", JSON.stringify(superjson.serialize({ locale: "en" })));
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    expect(await localeOfUser()).toBe("en");
    expect((await post("me.setLocale", JSON.stringify(superjson.serialize({ locale: "ru" })))).status).toBe(200);
    expect(await localeOfUser()).toBe("ru");
  });

  it("answers without a session 401 UNAUTHORIZED", async () => {
    const response = await fetch(`${base}/api/trpc/me.get`);
    expect(response.status).toBe(401);
    expectSecurityHeaders(response);
    expect(await errorCodeOf(response)).toBe("UNAUTHORIZED");
  });

  it("answers someone else's bill, and an unknown procedure, 404 NOT_FOUND", async () => {
    const platinumBill = await testDb().bill.findFirstOrThrow({
      where: { customer: { login: { phone: DEMO.platinum } } },
    });
    const input = encodeURIComponent(JSON.stringify(superjson.serialize({ id: platinumBill.id })));
    const foreign = await fetch(`${base}/api/trpc/bill.byId?input=${input}`, { headers: { cookie } });
    expect(foreign.status).toBe(404);
    expect(await errorCodeOf(foreign)).toBe("NOT_FOUND");
    const unknown = await fetch(`${base}/api/trpc/bill.nope`, { headers: { cookie } });
    expect(unknown.status).toBe(404);
    expect(await errorCodeOf(unknown)).toBe("NOT_FOUND");
  });

  it("refuses invalid input with 400 BAD_REQUEST naming the field, and changes nothing", async () => {
    const response = await post("me.setLocale", JSON.stringify(superjson.serialize({ locale: "de" })));
    expect(response.status).toBe(400);
    const error = ((await response.json()) as { error: { json: { message: string; data: Record<string, unknown> } } })
      .error.json;
    expect(error.data.code).toBe("BAD_REQUEST");
    expect(error.data.fields).toEqual({ locale: expect.any(String) });
    expect(error.message).toContain("locale");
    expect(await localeOfUser()).toBe("ru");
  });

  it("refuses a body over 1 MiB with 413 before running anything", async () => {
    expect(MAX_BODY_BYTES).toBe(1024 * 1024);
    // A valid call but for its size: were it run, the language would change.
    const body = JSON.stringify(superjson.serialize({ locale: "en", padding: "x".repeat(MAX_BODY_BYTES) }));
    const response = await post("me.setLocale", body);
    expect(response.status).toBe(413);
    expectSecurityHeaders(response);
    expect(await errorCodeOf(response)).toBe("PAYLOAD_TOO_LARGE");
    expect(await localeOfUser()).toBe("ru");
  });
});

describe("bounded requests", () => {
  it(`refuses a GET batch of more than ${MAX_BATCH_SIZE} calls with 400 before running any, and runs one of ${MAX_BATCH_SIZE}`, async () => {
    const bill = await testDb().bill.findFirstOrThrow({ where: { customer: { login: { phone: DEMO.silver } } } });
    const batchOf = (count: number) =>
      fetch(
        `${base}/api/trpc/${Array(count).fill("bill.pdf").join(",")}?batch=1&input=${batchInput(...Array(count).fill({ id: bill.id }))}`,
        { headers: { cookie } },
      );
    // As many as fit in a URL (Node takes 16 KiB of headers), each a PDF render were it run.
    const refused = await batchOf(100);
    expect(refused.status).toBe(400);
    expectSecurityHeaders(refused);
    const { error } = (await refused.json()) as { error: { json: { message: string; data: { code: string } } } };
    expect(error.json.data.code).toBe("BAD_REQUEST");
    expect(error.json.message).toBe("Batch call exceeds maximum size");

    const smaller = await fetch(
      `${base}/api/trpc/${Array(MAX_BATCH_SIZE).fill("me.get").join(",")}?batch=1&input=${batchInput(...Array(MAX_BATCH_SIZE).fill(undefined))}`,
      { headers: { cookie } },
    );
    expect(smaller.status).toBe(200);
    expect((await smaller.json()) as unknown[]).toHaveLength(MAX_BATCH_SIZE);
  });

  it.each([
    ["next-auth's sign-in", "/api/auth/callback/credentials", "application/x-www-form-urlencoded"],
    ["a page", "/dashboard", "text/plain"],
    ["the health check", "/api/health", "application/json"],
  ])("refuses a body over 1 MiB to %s with 413, before Next.js sees it", async (_name, url, contentType) => {
    reachedNext.length = 0;
    const response = await fetch(`${base}${url}`, {
      method: "POST",
      headers: { "Content-Type": contentType },
      body: `identifier=%2B79001000003&password=${"x".repeat(MAX_BODY_BYTES)}`,
    });
    expect(response.status).toBe(413);
    expectSecurityHeaders(response);
    expect(await response.text()).toContain("over 1048576 bytes");
    expect(reachedNext).toEqual([]);
    // A body within the limit goes on to Next.js.
    expect((await fetch(`${base}${url}`, { method: "POST", body: "identifier=x" })).status).toBe(200);
    expect(reachedNext).toEqual([`POST ${url}`]);
  });

  function sendChunked(url: string, chunks: number): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = http.request(`${base}${url}`, {
        method: "POST",
        headers: { cookie, "Content-Type": "application/json" },
      });
      request.on("response", (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      });
      // The server may close the connection before all of an oversized body is sent.
      request.on("error", reject);
      const chunk = "x".repeat(64 * 1024);
      let sent = 0;
      const writeMore = () => {
        while (sent < chunks) {
          sent += 1;
          if (!request.write(chunk)) return void request.once("drain", writeMore);
        }
        request.end();
      };
      writeMore();
    });
  }

  it("refuses a chunked body of unknown length outside tRPC with 411, and one over 1 MiB to tRPC with 413", async () => {
    reachedNext.length = 0;
    const page = await sendChunked("/api/auth/callback/credentials", 1);
    expect(page.status).toBe(411);
    expect(reachedNext).toEqual([]);
    const trpc = await sendChunked("/api/trpc/me.setLocale", 20);
    expect(trpc.status).toBe(413);
    expect(JSON.parse(trpc.body).error.json.data.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await localeOfUser()).toBe("ru");
  });
});

describe("the security headers on answers that are not tRPC", () => {
  it("are on a page from Next.js", async () => {
    const response = await fetch(`${base}/dashboard`);
    expect(await response.text()).toContain("<title>page</title>");
    expectSecurityHeaders(response);
  });

  it("are on a build script sent brotli-compressed", async () => {
    const response = await fetch(`${base}/_next/static/chunks/app.js`, { headers: { "Accept-Encoding": "br" } });
    expect(response.headers.get("content-encoding")).toBe("br");
    expectSecurityHeaders(response);
  });

  it("are on the 500 of a request that failed", async () => {
    const response = await fetch(`${base}/broken`);
    expect(response.status).toBe(500);
    expectSecurityHeaders(response);
  });
});

describe("the request id", () => {
  it("echoes a caller's plain x-request-id, and makes one for a call without it or with an unsafe one", async () => {
    const given = await fetch(`${base}/api/trpc/me.get`, { headers: { cookie, "x-request-id": "lb-7f3a.42:1" } });
    expect(given.status).toBe(200);
    expect(given.headers.get("x-request-id")).toBe("lb-7f3a.42:1");

    const made = await fetch(`${base}/api/trpc/me.get`, { headers: { cookie } });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const unsafe = await fetch(`${base}/dashboard`, { headers: { "x-request-id": "x\u00e9<script>" } });
    expect(unsafe.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reads the cookies of a call carrying several (session and language) on the direct path", async () => {
    const response = await fetch(`${base}/api/trpc/me.get`, { headers: { cookie: `NEXT_LOCALE=en; ${cookie}` } });
    expect(response.status).toBe(200);
    expect(superjson.deserialize<{ id: string }>((await response.json()).result.data).id).toBe(userId);
  });
});
