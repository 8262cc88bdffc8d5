import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleUsagePost } from "../../server/api/usage-api";
import { DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { demoCustomer } from "./helpers/money";

const TOKEN = "usage-test-token-0123456789";
const DAY = "2031-02-10";

function post(body: unknown, token: string | null = TOKEN) {
  return handleUsagePost(
    new Request("http://localhost/api/usage", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    testDb(),
  );
}

async function dayOf(lineId: string) {
  return testDb().usageRecord.findUnique({ where: { lineId_date: { lineId, date: new Date(`${DAY}T00:00:00Z`) } } });
}

async function abroadOf(lineId: string, country: string) {
  return testDb().roamingUsageRecord.findUnique({
    where: { lineId_date_country: { lineId, date: new Date(`${DAY}T00:00:00Z`), country } },
  });
}

let previousToken: string | undefined;
beforeAll(() => {
  previousToken = process.env.USAGE_API_TOKEN;
  process.env.USAGE_API_TOKEN = TOKEN;
});
afterAll(() => {
  process.env.USAGE_API_TOKEN = previousToken;
});

describe("POST /api/usage", () => {
  it("adds each record to its line's day once: a replayed batch and a repeated id change nothing", async () => {
    const line = (await demoCustomer(DEMO.bronze)).line(DEMO.bronze);
    const records = [
      { id: "cdr-1", msisdn: DEMO.bronze, kind: "VOICE", amount: 61, at: `${DAY}T08:00:00Z` },
      { id: "cdr-2", msisdn: DEMO.bronze, kind: "VOICE", amount: 30, at: `${DAY}T09:00:00+03:00` },
      { id: "cdr-3", msisdn: DEMO.bronze, kind: "SMS", amount: 2, at: `${DAY}T10:00:00Z` },
      { id: "cdr-4", msisdn: DEMO.bronze, kind: "DATA", amount: 350, at: `${DAY}T11:00:00Z`, roamingCountry: "TR" },
      { id: "cdr-4", msisdn: DEMO.bronze, kind: "DATA", amount: 350, at: `${DAY}T11:00:00Z`, roamingCountry: "TR" },
      { id: "cdr-5", msisdn: "+79990000000", kind: "SMS", amount: 1, at: `${DAY}T10:00:00Z` },
    ];
    const first = await post({ records });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: 6, accepted: 4, duplicates: 1, unknownNumbers: ["cdr-5"] });
    // A call is rated in whole minutes, rounded up per call: 61 s is 2, 30 s is 1. Data used in
    // Turkey is usage abroad, kept per country for roaming rates and passes.
    expect(await dayOf(line.id)).toMatchObject({ minutes: 3, sms: 2, dataMb: 0 });
    expect(await abroadOf(line.id, "TR")).toMatchObject({ minutes: 0, sms: 0, dataMb: 350 });

    const replay = await post({ records });
    expect(await replay.json()).toEqual({ received: 6, accepted: 0, duplicates: 5, unknownNumbers: ["cdr-5"] });
    expect(await dayOf(line.id)).toMatchObject({ minutes: 3, sms: 2, dataMb: 0 });
    expect(await abroadOf(line.id, "TR")).toMatchObject({ dataMb: 350 });
    expect(await testDb().usageEvent.findUnique({ where: { id: "cdr-4" } })).toMatchObject({
      lineId: line.id,
      roamingCountry: "TR",
    });
  });

  it("counts batches sent in parallel to the same line's day exactly", async () => {
    const line = (await demoCustomer(DEMO.silver)).line(DEMO.silver);
    const before = (await dayOf(line.id))?.dataMb ?? 0;
    const batches = Array.from({ length: 6 }, (_, b) => ({
      records: Array.from({ length: 50 }, (_, i) => ({
        id: `par-${b}-${i}`,
        msisdn: DEMO.silver,
        kind: "DATA",
        amount: 1,
        at: `${DAY}T12:00:00Z`,
      })),
    }));
    const answers = await Promise.all([...batches, ...batches].map((batch) => post(batch)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect((await dayOf(line.id))!.dataMb).toBe(before + 300);
  });

  it("refuses a call without the token, and a bad batch with the fields, storing nothing", async () => {
    const record = { id: "cdr-bad-1", msisdn: DEMO.platinum, kind: "SMS", amount: 1, at: `${DAY}T10:00:00Z` };
    expect((await post({ records: [record] }, null)).status).toBe(401);
    expect((await post({ records: [record] }, "wrong-token")).status).toBe(401);
    expect((await post("{not json")).status).toBe(400);

    const bad = await post({ records: [record, { ...record, id: "cdr-bad-2", amount: -5, at: "yesterday" }] });
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields).sort()).toEqual(["records.1.amount", "records.1.at"]);
    expect(await testDb().usageEvent.count({ where: { id: { startsWith: "cdr-bad" } } })).toBe(0);

    expect((await post({ records: [] })).status).toBe(400);
    expect((await post({ records: [{ ...record, id: "x\u0000" }] })).status).toBe(400);
  });
});
