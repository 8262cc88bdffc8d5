/**
 * Malformed HTTP against the web server's request listener with the real appRouter: broken JSON,
 * wrong content types, GET on a mutation and POST on a query, garbled batch parameters, odd paths
 * and raw bytes that are not HTTP at all. Whatever comes in, the answer is a client error (4xx),
 * never a 500, and the server keeps answering. The schema fuzz of every procedure's input is
 * tests/integration/fuzz.test.ts.
 */
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../server/api/root";
import { createRequestListener } from "../../server/http/request-listener";
import { MAX_BATCH_SIZE } from "../../server/domain/http-limits";
import { DEMO, sessionFor } from "./helpers/callers";

const RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 200);
const SECRET = "http-fuzz-secret";
let base = "";
let port = 0;
let server: http.Server;
let cookie = "";

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
const MUTATIONS = Object.keys(procedures).filter((path) => procedures[path]!._def.type === "mutation");
const QUERIES = Object.keys(procedures).filter((path) => procedures[path]!._def.type === "query");

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  const session = await sessionFor(DEMO.silver);
  cookie = `next-auth.session-token=${await encode({ token: { sid: session.sessionId }, secret: SECRET })}`;
  const listener = createRequestListener({
    distDir: "/nonexistent",
    handleWithNext: async (_request, response) => {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not a page");
    },
  });
  server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-16",
  "text/plain",
  "text/html",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/octet-stream",
  "application/xml",
  "",
  "json",
  ";;;",
];

/** Bodies that are not the superjson a client sends: truncated, not JSON, the wrong shape, odd bytes. */
const brokenBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    '{"json":',
    '{"json":{"billId":"x"',
    "null",
    "[]",
    "[[[[[[[[[[",
    '{"json":null,"meta":{"values":{"":["Date"]}}}',
    '{"json":{"a":1},"meta":{"values":{"a":["bigint"]}}}',
    '{"json":{"a":"x"},"meta":{"values":{"a":[["custom","nope"]]}}}',
    '{"json":{},"meta":{"referentialEqualities":{"a":["b.c.d"]}}}',
    '{"__proto__":{"polluted":true}}',
    '{"json":{"constructor":{"prototype":{"polluted":true}}}}',
    "\u0000\u0001\u0002",
    "\ufeff{}",
    "0".repeat(5000),
    `{"json":${"[".repeat(5000)}${"]".repeat(5000)}}`,
  ),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc.json({ maxDepth: 2 }).map((json) => json.slice(0, Math.max(0, json.length - 1))),
);

/** Query strings of a GET: the batch flag and the input garbled in every way a hand-written client might. */
const brokenQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    "?",
    "?input=",
    "?input={",
    "?input=%E0%A4%A",
    "?batch=1",
    "?batch=1&input=[]",
    "?batch=1&input=null",
    '?batch=1&input={"0":{"json":1},"1":{"json":2}}',
    '?batch=1&input={"-1":{}}',
    '?batch=yes&input={"0":{}}',
    "?input=1&input=2",
    "?batch=1&batch=0",
    "?%00=%00",
  ),
  fc.string({ maxLength: 100 }).map((text) => `?input=${encodeURIComponent(text)}`),
  fc.json({ maxDepth: 3 }).map((json) => `?batch=1&input=${encodeURIComponent(json)}`),
);

/** A procedure path, a batch of them, or one that is not there. */
const procedurePath: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...MUTATIONS, ...QUERIES),
  fc
    .array(fc.constantFrom(...QUERIES), { minLength: 2, maxLength: MAX_BATCH_SIZE + 3 })
    .map((paths) => paths.join(",")),
  fc.constantFrom("", ",", ",,,", "nope", "bill.", ".bill", "bill..list", "__proto__", "constructor.prototype"),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);

type Outcome = { status: number; text: string };

async function send(method: string, path: string, body?: string, contentType?: string): Promise<Outcome> {
  const headers: Record<string, string> = { cookie };
  if (contentType !== undefined) headers["Content-Type"] = contentType;
  const response = await fetch(`${base}${path}`, { method, headers, body });
  return { status: response.status, text: await response.text() };
}

function expectClientError(outcome: Outcome, what: string) {
  expect(outcome.status, `${what} answered ${outcome.status}: ${outcome.text.slice(0, 300)}`).toBeLessThan(500);
}

describe("malformed HTTP never gets a 500", () => {
  it("a GET on a mutation answers 405, and a POST on a query 405, for every procedure", async () => {
    for (const path of MUTATIONS) {
      const outcome = await send("GET", `/api/trpc/${path}?input=${encodeURIComponent('{"json":{}}')}`);
      expect(outcome.status, `GET ${path}`).toBe(405);
    }
    for (const path of QUERIES) {
      const outcome = await send("POST", `/api/trpc/${path}`, '{"json":{}}', "application/json");
      expect(outcome.status, `POST ${path}`).toBe(405);
    }
  });

  it(`broken bodies under any content type to any procedure (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(procedurePath, brokenBody, fc.constantFrom(...CONTENT_TYPES), async (path, body, type) => {
        const outcome = await send("POST", `/api/trpc/${path}`, body, type || undefined);
        expectClientError(outcome, `POST /api/trpc/${path} (${type}) ${JSON.stringify(body.slice(0, 80))}`);
      }),
      { numRuns: RUNS },
    );
  });

  it(`garbled query strings on GET and POST (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        procedurePath,
        brokenQuery,
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"),
        async (path, query, method) => {
          const hasBody = method !== "GET" && method !== "HEAD";
          const outcome = await send(
            method,
            `/api/trpc/${path}${query}`,
            hasBody ? "{}" : undefined,
            "application/json",
          );
          expectClientError(outcome, `${method} /api/trpc/${path}${query}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("bytes that are not HTTP get a 400 or a closed socket, and the server goes on answering", async () => {
    const garbage = [
      "GARBAGE\r\n\r\n",
      "GET /api/health HTTP/9.9\r\n\r\n",
      "POST /api/trpc/bill.pay HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
      "POST /api/trpc/bill.pay HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      "POST /api/trpc/bill.pay HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
      `GET /${"a".repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`,
      "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
      "\u0000\u0001\u0002\u0003\r\n\r\n",
    ];
    for (const bytes of garbage) {
      const answer = await new Promise<string>((resolve) => {
        const socket = net.connect(port, "127.0.0.1", () => socket.end(bytes));
        let received = "";
        socket.on("data", (chunk) => (received += chunk.toString("latin1")));
        socket.on("close", () => resolve(received));
        socket.on("error", () => resolve(received));
      });
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0);
      expect(
        status === 0 || (status >= 400 && status < 500),
        `${JSON.stringify(bytes.slice(0, 60))}: ${answer.slice(0, 120)}`,
      ).toBe(true);
    }
    const health = await fetch(`${base}/api/trpc/me.get`, { headers: { cookie } });
    expect(health.status).toBe(200);
  });
});
