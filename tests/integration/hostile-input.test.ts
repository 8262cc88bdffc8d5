import { beforeAll, describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { INPUT_MESSAGES } from "../../server/domain/input.schema";
import { DEFAULT_ROUTING_POLICY } from "../../server/domain/routing/policy.schema";
import { callerAs, customerIdOf, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { fieldErrorsOf } from "./helpers/trpc-errors";

/**
 * Input PostgreSQL cannot store or compare (NUL, lone surrogates, dates past what the date
 * arithmetic keeps storable, integers past int4) answered BAD_REQUEST naming the field, where it
 * used to reach the database and answer 500 (issue 15's hostile-input run).
 */

type Caller = Awaited<ReturnType<typeof callerAs>>;
type Who = keyof typeof DEMO;

const NUL = "\u0000";
const LONE = "\ud800";

/** Call a procedure by its dotted path, as the router lists it. */
function call(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/** Real rows the hostile inputs point at, so only the hostile field is wrong. */
type Fixtures = { billId: string; requestId: string };
let fixtures: Fixtures;

beforeAll(async () => {
  const db = testDb();
  const customerId = await customerIdOf(DEMO.platinum);
  const bill = await db.bill.findFirstOrThrow({ where: { customerId }, orderBy: { issuedAt: "desc" } });
  const request = await (
    await callerAs(DEMO.platinum)
  ).request.create({
    category: "TECHNICAL_FAULT",
    subject: "No mobile data",
    description: "Mobile data stopped working this morning",
    idempotencyKey: newIdempotencyKey("hostile"),
  });
  fixtures = { billId: bill.id, requestId: request.id };
});

const pushKeys = {
  p256dh: Buffer.alloc(65, 4).toString("base64url"),
  auth: Buffer.alloc(16, 7).toString("base64url"),
};

type Row = [path: string, who: Who, input: (f: Fixtures) => unknown, field: string];

const NUL_ROWS: Row[] = [
  ["agent.claim", "agent1", () => ({ requestId: `req${NUL}1` }), "requestId"],
  ["bill.byId", "platinum", () => ({ id: `bill${NUL}` }), "id"],
  ["bill.pay", "platinum", (f) => ({ billId: f.billId, idempotencyKey: `pay-${NUL}-12345678` }), "idempotencyKey"],
  ["request.list", "platinum", () => ({ cursor: `c${NUL}` }), "cursor"],
  [
    "request.create",
    "platinum",
    () => ({
      category: "OTHER",
      subject: `Hello${NUL} there`,
      description: "A description that is long enough",
      idempotencyKey: newIdempotencyKey("hostile"),
    }),
    "subject",
  ],
  [
    "push.subscribe",
    "platinum",
    () => ({ endpoint: "https://push.example.com/send/abc", keys: pushKeys, userAgent: `Firefox${NUL}` }),
    "userAgent",
  ],
  [
    "tariff.previewChange",
    "platinum",
    () => ({ lineId: `l${NUL}`, tariffId: "trf_smart", effective: "NEXT_CYCLE" }),
    "lineId",
  ],
  ["partner.orderContract", "dealer1", () => ({ orderId: `ord${NUL}` }), "orderId"],
  [
    "admin.users.create",
    "admin",
    () => ({
      role: "AGENT",
      name: `Test${NUL} Agent`,
      email: "nul.agent@selfcare.test",
      password: "a-long-password-1",
      locale: "ru",
      idempotencyKey: newIdempotencyKey("hostile"),
    }),
    "name",
  ],
];

const SURROGATE_ROWS: Row[] = [
  ["request.byId", "platinum", () => ({ id: `req${LONE}` }), "id"],
  ["request.addMessage", "platinum", (f) => ({ requestId: f.requestId, body: `Hello ${LONE} again` }), "body"],
  ["admin.users.list", "admin", () => ({ query: `agent${LONE}` }), "query"],
  [
    "admin.approvals.reject",
    "admin",
    () => ({ adjustmentId: `adj${LONE}`, reason: "Not justified at all" }),
    "adjustmentId",
  ],
  ["admin.tariffs.delete", "admin", () => ({ id: `trf${LONE}`, idempotencyKey: newIdempotencyKey("hostile") }), "id"],
  [
    "agent.adjustBill",
    "agent1",
    (f) => ({
      billId: f.billId,
      amountCents: -100,
      reason: `Goodwill ${LONE}`,
      idempotencyKey: newIdempotencyKey("adj"),
    }),
    "reason",
  ],
];

const FAR_DATES = { from: "9999-12-30", to: "9999-12-31" };

const RANGE_ROWS: Row[] = [
  ["admin.reports.overview", "admin", () => FAR_DATES, "from"],
  ["admin.reports.timeline", "admin", () => FAR_DATES, "from"],
  ["admin.reports.exportCsv", "admin", () => FAR_DATES, "from"],
  ["admin.audit.list", "admin", () => ({ from: "275760-09-12" }), "from"],
  ["admin.audit.list", "admin", () => ({ to: "275760-09-12" }), "to"],
  ["admin.policy.version", "admin", () => ({ version: 2 ** 31 }), "version"],
  [
    "admin.policy.save",
    "admin",
    () => ({ config: DEFAULT_ROUTING_POLICY, baseVersion: 2 ** 31, idempotencyKey: newIdempotencyKey("policy") }),
    "baseVersion",
  ],
];

const CURSOR_ROWS: Row[] = [
  // A cursor is ours to decode: one carrying a NUL id or a date past year 9999 is refused, not sent to the database.
  [
    "bill.list",
    "platinum",
    () => ({ cursor: Buffer.from(`2026-01-01T00:00:00.000Z|b${NUL}`).toString("base64url") }),
    "cursor",
  ],
  [
    "bill.list",
    "platinum",
    () => ({ cursor: Buffer.from("+275760-09-12T00:00:00.000Z|bill_1").toString("base64url") }),
    "cursor",
  ],
  ["agent.queue", "agent1", () => ({ cursor: "1.999999999999999.req_1" }), "cursor"],
  ["agent.interactions", "agent1", () => ({ customerId: "cus_000001", cursor: "999999999999999.int_1" }), "cursor"],
  ["admin.audit.list", "admin", () => ({ cursor: "999999999999999_aud_1" }), "cursor"],
];

async function expectBadField(row: Row) {
  const [path, who, input, field] = row;
  const caller = await callerAs(DEMO[who]);
  const fields = await fieldErrorsOf(call(caller, path, input(fixtures)));
  expect(fields, path).toHaveProperty([field]);
}

describe("hostile input answers BAD_REQUEST with the field", () => {
  it.each(NUL_ROWS)("NUL: %s as %s", async (...row) => expectBadField(row));
  it.each(SURROGATE_ROWS)("lone surrogate: %s as %s", async (...row) => expectBadField(row));
  it.each(RANGE_ROWS)("out of range: %s as %s", async (...row) => expectBadField(row));
  it.each(CURSOR_ROWS)("cursor out of range: %s as %s", async (...row) => expectBadField(row));

  it("says why in words the pages translate", async () => {
    const admin = await callerAs(DEMO.admin);
    expect(await fieldErrorsOf(admin.admin.reports.overview(FAR_DATES))).toMatchObject({
      from: INPUT_MESSAGES.dateOutOfRange,
      to: INPUT_MESSAGES.dateOutOfRange,
    });
    const subscriber = await callerAs(DEMO.platinum);
    expect(
      await fieldErrorsOf(subscriber.request.addMessage({ requestId: fixtures.requestId, body: `a${NUL}b` })),
    ).toEqual({ body: INPUT_MESSAGES.unsafeText });
  });

  it("writes nothing when it refuses", async () => {
    const db = testDb();
    const before = { messages: await db.requestMessage.count(), adjustments: await db.billAdjustment.count() };
    for (const row of [...NUL_ROWS, ...SURROGATE_ROWS]) await expectBadField(row);
    expect({ messages: await db.requestMessage.count(), adjustments: await db.billAdjustment.count() }).toEqual(before);
  });
});

describe("ids of the wrong form and foreign ids", () => {
  it("a wrong-form id is BAD_REQUEST, a well-formed unknown or foreign one NOT_FOUND", async () => {
    const subscriber = await callerAs(DEMO.platinum);
    for (const id of ["bill 1", "../bill", "bill'--", "x".repeat(65)]) {
      expect(await fieldErrorsOf(subscriber.bill.byId({ id })), id).toEqual({ id: INPUT_MESSAGES.notAnId });
    }
    await expect(subscriber.bill.byId({ id: "bill_does_not_exist" })).toHaveTRPCCode("NOT_FOUND");
    const foreign = await testDb().bill.findFirstOrThrow({ where: { customerId: await customerIdOf(DEMO.bronze) } });
    await expect(subscriber.bill.byId({ id: foreign.id })).toHaveTRPCCode("NOT_FOUND");
  });

  it("the largest stored policy version still answers, the next integer is refused", async () => {
    const admin = await callerAs(DEMO.admin);
    await expect(admin.admin.policy.version({ version: 2 ** 31 - 1 })).toHaveTRPCCode("NOT_FOUND");
    expect(await fieldErrorsOf(admin.admin.policy.version({ version: 2 ** 31 }))).toEqual({
      version: INPUT_MESSAGES.tooBig,
    });
  });

  it("report ranges inside 2000–2100 still work", async () => {
    const admin = await callerAs(DEMO.admin);
    const report = await admin.admin.reports.overview({ from: "2100-12-01", to: "2100-12-31" });
    expect(report.contacts.total).toBe(0);
  });
});

describe("page sizes and list filters are capped", () => {
  const CAPPED: Row[] = [
    ["bill.list", "platinum", () => ({ limit: 101 }), "limit"],
    ["request.list", "platinum", () => ({ limit: 51 }), "limit"],
    ["agent.queue", "agent1", () => ({ limit: 1000 }), "limit"],
    ["agent.searchCustomers", "agent1", () => ({ query: "Соколов", limit: 51 }), "limit"],
    ["knowledge.search", "platinum", () => ({ query: "roaming", limit: 21 }), "limit"],
    ["partner.customers", "dealer1", () => ({ limit: 101 }), "limit"],
    ["admin.audit.list", "admin", () => ({ limit: 2 ** 31 }), "limit"],
    ["admin.audit.list", "admin", () => ({ entityType: "x".repeat(61) }), "entityType"],
    ["admin.audit.list", "admin", () => ({ action: "x".repeat(101) }), "action"],
    ["admin.users.list", "admin", () => ({ query: "x".repeat(101) }), "query"],
  ];
  it.each(CAPPED)("%s as %s", async (...row) => expectBadField(row));

  it("a page at the cap answers at most that many rows", async () => {
    const admin = await callerAs(DEMO.admin);
    const page = await admin.admin.audit.list({ limit: 100 });
    expect(page.items.length).toBeLessThanOrEqual(100);
    const subscriber = await callerAs(DEMO.platinum);
    expect((await subscriber.bill.list({ limit: 100 })).items.length).toBeLessThanOrEqual(100);
  });
});
