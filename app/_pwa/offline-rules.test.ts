import { describe, expect, it } from "vitest";
import {
  deliveryOutcome,
  errorMessageOf,
  isOfflineReadablePath,
  isPrefetchRequest,
  isRscRequest,
  pageCacheKey,
  parseOutboxMutation,
  queuedResponseBody,
  resultIdOf,
} from "./offline-rules";

describe("isOfflineReadablePath", () => {
  it.each([
    ["/dashboard", true],
    ["/bills", true],
    ["/bills/cmabc123", true],
    ["/requests", true],
    ["/requests/new", true],
    ["/requests/cmreq1", true],
    ["/profile", true],
    ["/tariffs", true],
    ["/bills/cmabc123/pdf", false],
    ["/agent", false],
    ["/agent/customers/c1", false],
    ["/partner/customers", false],
    ["/admin/audit", false],
    ["/sign-in", false],
    ["/api/trpc/bill.list", false],
    ["/", false],
    ["/dashboard/", false],
  ])("%s → %s", (path, expected) => {
    expect(isOfflineReadablePath(path)).toBe(expected);
  });
});

describe("RSC requests", () => {
  it("recognises a client navigation by its RSC header or _rsc parameter", () => {
    expect(isRscRequest(new URL("http://x/bills?_rsc=abc"), new Headers())).toBe(true);
    expect(isRscRequest(new URL("http://x/bills"), new Headers({ RSC: "1" }))).toBe(true);
    expect(isRscRequest(new URL("http://x/bills"), new Headers())).toBe(false);
  });

  it("recognises prefetches, which are never cached", () => {
    expect(isPrefetchRequest(new Headers({ "Next-Router-Prefetch": "1" }))).toBe(true);
    expect(isPrefetchRequest(new Headers({ "Next-Router-Segment-Prefetch": "/_tree" }))).toBe(true);
    expect(isPrefetchRequest(new Headers({ RSC: "1" }))).toBe(false);
  });
});

describe("pageCacheKey", () => {
  it("drops the _rsc hash, so a page is one entry wherever the navigation started", () => {
    const fromDashboard = pageCacheKey(new URL("http://x/bills?_rsc=1a2b"), "rsc");
    const fromRequests = pageCacheKey(new URL("http://x/bills?_rsc=9z8y"), "rsc");
    expect(fromDashboard).toBe(fromRequests);
    expect(fromDashboard).toBe("http://x/bills?__rsc=1");
  });

  it("keeps HTML and RSC entries of one page apart", () => {
    expect(pageCacheKey(new URL("http://x/bills"), "html")).toBe("http://x/bills");
    expect(pageCacheKey(new URL("http://x/bills"), "rsc")).not.toBe(pageCacheKey(new URL("http://x/bills"), "html"));
  });

  it("keeps other parameters, in a stable order, and drops the fragment", () => {
    expect(pageCacheKey(new URL("http://x/bills?year=2026&cursor=c1#top"), "html")).toBe(
      "http://x/bills?cursor=c1&year=2026",
    );
  });
});

describe("parseOutboxMutation", () => {
  const create = {
    category: "NO_SERVICE",
    subject: "Нет   связи\nс утра",
    description: "…",
    idempotencyKey: "key-12345678",
  };

  it("reads a batched request.create as the tRPC client sends it", () => {
    const url = new URL("http://x/api/trpc/request.create?batch=1");
    expect(parseOutboxMutation(url, JSON.stringify({ 0: { json: create } }))).toEqual({
      procedure: "request.create",
      isBatch: true,
      idempotencyKey: "key-12345678",
      summary: "Нет связи с утра",
      requestId: undefined,
    });
  });

  it("reads an unbatched request.addMessage with its request", () => {
    const url = new URL("http://x/api/trpc/request.addMessage");
    const body = JSON.stringify({ json: { requestId: "r1", body: "x".repeat(200) } });
    const parsed = parseOutboxMutation(url, body);
    expect(parsed).toMatchObject({
      procedure: "request.addMessage",
      isBatch: false,
      idempotencyKey: null,
      requestId: "r1",
    });
    expect(parsed!.summary).toHaveLength(80);
  });

  it.each([
    ["another procedure", "http://x/api/trpc/bill.pay?batch=1", JSON.stringify({ 0: { json: create } })],
    [
      "two procedures in one batch",
      "http://x/api/trpc/request.create,request.create?batch=1",
      JSON.stringify({ 0: { json: create } }),
    ],
    ["a body that is not JSON", "http://x/api/trpc/request.create?batch=1", "{"],
    ["no input", "http://x/api/trpc/request.create?batch=1", JSON.stringify({ 0: {} })],
    ["not tRPC", "http://x/api/auth/signout", "{}"],
  ])("ignores %s", (_case, url, body) => {
    expect(parseOutboxMutation(new URL(url), body)).toBeNull();
  });

  it("does not take an idempotency key of the wrong length", () => {
    const url = new URL("http://x/api/trpc/request.create");
    expect(
      parseOutboxMutation(url, JSON.stringify({ json: { ...create, idempotencyKey: "short" } }))?.idempotencyKey,
    ).toBeNull();
  });
});

describe("deliveryOutcome", () => {
  it.each([
    [200, "DELIVERED"],
    [201, "DELIVERED"],
    [401, "NEEDS_SIGN_IN"],
    [408, "RETRY"],
    [429, "RETRY"],
    [500, "RETRY"],
    [503, "RETRY"],
    [400, "REJECTED"],
    [403, "REJECTED"],
    [404, "REJECTED"],
    [409, "REJECTED"],
  ] as const)("%i → %s", (status, outcome) => {
    expect(deliveryOutcome(status)).toBe(outcome);
  });
});

describe("tRPC bodies", () => {
  it("finds the created id in a batched and an unbatched result", () => {
    expect(resultIdOf([{ result: { data: { json: { id: "r9", number: "SR-1" } } } }], true)).toBe("r9");
    expect(resultIdOf({ result: { data: { json: { id: "m3" } } } }, false)).toBe("m3");
    expect(resultIdOf([{ error: { json: { message: "no" } } }], true)).toBeUndefined();
  });

  it("finds the server's reason in an error", () => {
    expect(errorMessageOf([{ error: { json: { message: "Request not found" } } }], true)).toBe("Request not found");
  });

  it("answers a kept mutation with a tRPC error the client can read", () => {
    const body = JSON.parse(
      queuedResponseBody({ procedure: "request.create", isBatch: true, message: "Сохранено", outboxId: "k1" }),
    );
    expect(body[0].error.json).toMatchObject({
      message: "Сохранено",
      data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, queued: true, outboxId: "k1" },
    });
    expect(errorMessageOf(body, true)).toBe("Сохранено");
  });
});
