import { appendFileSync } from "node:fs";
import { faker } from "@faker-js/faker";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { fake, seed as seedFaker, setFaker } from "zod-schema-faker/v4";
import { readTRPCError } from "../../app/_lib/trpc-error";
import { callerAs } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { newSubscriber } from "./helpers/partner";
import {
  ACCESS,
  callProcedure,
  inputSchemaOf,
  LOGIN,
  ROLES_ALLOWED,
  type Access,
  type Caller,
} from "./helpers/role-table";

/**
 * Every procedure gets schema-valid random inputs (its zod input turned into data by
 * zod-schema-faker, seeded by fast-check) and hostile ones (wrong types, huge strings, deep nesting,
 * long arrays, odd unicode, boundary numbers, extra and missing fields), as a caller its wall lets
 * through. Whatever comes in, the answer is a tRPC error with a client code or a result: never a
 * 500, never an unhandled rejection. `npm test` runs 200 inputs per procedure; `npm run fuzz` runs
 * 2,000 and prints, per procedure, the outcomes by code and the slowest input.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** FUZZ_ONLY=<regex> fuzzes only the procedures whose path matches. */
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
const PATHS = Object.keys(ACCESS).filter((path) => !ONLY || ONLY.test(path));

/** One caller per access level, as the role the wall lets in (a supervisor for agent procedures too). */
const CALLER_OF: Record<Access, keyof typeof LOGIN> = {
  public: "anonymous",
  signedIn: "subscriber",
  subscriber: "subscriber",
  agent: "agent",
  partner: "otherDealer",
  admin: "supervisor",
  staffEnrolment: "agent",
};

const ODD_STRINGS = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "\u202e\u202d",
  "\ufeff",
  "𝕏𝕐",
  "👨‍👩‍👧‍👦",
  "",
  " ",
  "0",
  "-1",
  "NaN",
  "null",
  "__proto__",
  "constructor",
  "' OR 1=1 --",
  "%00",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "9999-12-31",
  "275760-09-13",
  "+79001000001",
  "x".repeat(100_000),
];
const ODD_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.EPSILON,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];
const ODD_DATES = [new Date(8.64e15), new Date(-8.64e15), new Date(Number.NaN), new Date("9999-12-31"), new Date(0)];

/** A chain of objects and arrays, each level holding the next once: a value that shares a level twice
 * would be a graph that JSON and every validator walk in 2^depth steps (the stall of earlier runs). */
function deeplyNested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom(...ODD_NUMBERS),
  fc.constantFrom(...ODD_DATES),
  fc.constantFrom(true, false, null, undefined),
  fc.bigInt(),
  fc.constant(deeplyNested(500)),
  fc.constant(Array.from({ length: 10_000 }, (_, i) => i)),
  fc.anything({ maxDepth: 3 }),
);

/** Data the schema accepts, from a seed: retried a few times, since refined fields are faked loosely. */
function validFrom(schema: z.ZodType, seed: number): unknown {
  let last: unknown = {};
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      seedFaker(seed + attempt);
      last = fake(schema as never);
      if (schema.safeParse(last).success) return last;
    } catch {
      return {}; // a schema the faker cannot read (a transform or a custom check): near-valid is `{}`
    }
  }
  return last;
}

/** An uncompressed P-256 key starts with 0x04; the push service's secret is any 16 bytes. */
const base64url = (bytes: number) =>
  Buffer.concat([Buffer.from([4]), Buffer.alloc(bytes - 1, 7)]).toString("base64url");
const PASSPHRASE = "a long fuzz passphrase 42";

/**
 * A valid input for the procedures whose schema refines what the faker cannot aim at (a phone, a
 * passport, a date range, a push key, a policy): without one, every input they got was refused at
 * the schema and their code behind it went unfuzzed. Built once per run, as the procedure's caller;
 * the broken inputs are made from it too.
 */
const EXAMPLES: Record<string, (caller: Caller) => unknown> = {
  "auth.requestCode": () => ({ phone: "+7 900 100-00-09", purpose: "SIGN_IN" }),
  "auth.resetPassword": () => ({ phone: "+79001000009", code: "123456", newPassword: PASSPHRASE }),
  "auth.resetPasswordWithLink": () => ({ token: "t".repeat(43), newPassword: PASSPHRASE }),
  "activation.activate": () => ({ identifier: "1234567890", code: "ABCD-EFGH", password: PASSPHRASE }),
  "partner.reserveNumber": async (caller) => ({ msisdn: (await caller.partner.availableNumbers({}))[0]!.msisdn }),
  "partner.releaseNumber": async (caller) => ({ msisdn: (await caller.partner.availableNumbers({}))[1]!.msisdn }),
  "partner.creditCheck": () => ({ documentNumber: "4510 123456", birthDate: "1990-05-17", tariffId: "trf_smart" }),
  "partner.registerSubscriber": async (caller) => ({
    customer: newSubscriber(),
    tariffId: "trf_smart",
    msisdn: (await caller.partner.availableNumbers({}))[2]!.msisdn,
    idempotencyKey: "fuzz-registration-1",
  }),
  "push.subscribe": () => ({
    endpoint: "https://fcm.googleapis.com/fcm/send/fuzz-device",
    keys: { p256dh: base64url(65), auth: base64url(16) },
  }),
  "push.unsubscribe": () => ({ endpoint: "https://fcm.googleapis.com/fcm/send/fuzz-device" }),
  "agent.adjustBill": async () => ({
    billId: (await testDb().bill.findFirstOrThrow({ where: { status: "ISSUED" }, select: { id: true } })).id,
    amountCents: -500,
    reason: "Goodwill credit",
    idempotencyKey: "fuzz-adjustment-1",
  }),
  "secondFactor.confirmEnrolment": () => ({ code: "123 456" }),
  "admin.reports.overview": () => ({ from: "2026-11-01", to: "2026-11-30" }),
  "admin.reports.timeline": () => ({ from: "2026-11-01", to: "2026-11-30" }),
  "admin.reports.exportCsv": () => ({ from: "2026-11-01", to: "2026-11-30" }),
  "admin.users.create": () => ({
    role: "AGENT",
    name: "Fuzz Agent",
    email: "fuzz.agent@selfcare.test",
    password: PASSPHRASE,
    locale: "en",
    idempotencyKey: "fuzz-user-1",
  }),
  "admin.policy.whatIf": async (caller) => ({ config: (await caller.admin.policy.get()).config }),
  "admin.policy.save": async (caller) => {
    const { config, version } = await caller.admin.policy.get();
    const edited = { ...config, repeatContactDays: config.repeatContactDays === 7 ? 8 : 7 };
    return { config: edited, baseVersion: version, idempotencyKey: "fuzz-policy-1" };
  },
  "admin.updateCreditPolicy": async (caller) => {
    const { policy, updatedAt } = await caller.admin.creditPolicy();
    const rules = policy.rules.map((rule, i) =>
      i === 0 ? { ...rule, creditLimitCents: rule.creditLimitCents + 100 } : rule,
    );
    return { policy: { ...policy, rules }, baseUpdatedAt: updatedAt, idempotencyKey: "fuzz-credit-policy-1" };
  },
  "agent.autopay": async () => ({
    customerId: (await testDb().customer.findFirstOrThrow({ select: { id: true } })).id,
  }),
  "admin.incidents.declare": () => ({
    services: ["VOICE"],
    area: { cells: ["FUZZ-C0001"] },
    startedAt: new Date("2026-12-01T08:00:00Z"),
    message: { ru: "Авария на базовой станции", en: "A cell site is down" },
    idempotencyKey: "fuzz-incident-1",
  }),
  "agent.disableAutopay": async () => ({
    customerId: (await testDb().customer.findFirstOrThrow({ select: { id: true } })).id,
    idempotencyKey: "fuzz-autopay-off-1",
  }),
};

/** A valid input with one thing broken: a field replaced, removed or added. */
function mutate(valid: unknown, pick: number, value: unknown, how: "replace" | "remove" | "add"): unknown {
  if (!valid || typeof valid !== "object" || Array.isArray(valid)) return value;
  const copy: Record<string, unknown> = { ...(valid as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const key = keys.length ? keys[pick % keys.length]! : "extra";
  if (how === "remove") delete copy[key];
  else if (how === "add") copy[`extra${pick % 3}`] = value;
  else copy[key] = value;
  return copy;
}

function inputsFor(schema: z.ZodType | undefined, example?: unknown): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof(fc.constant(undefined), hostileValue);
  const faked = fc.integer().map((seed) => validFrom(schema, seed));
  const valid = example === undefined ? faked : fc.oneof(faked, fc.constant(example));
  const broken = fc
    .tuple(valid, fc.nat(), hostileValue, fc.constantFrom("replace" as const, "remove" as const, "add" as const))
    .map(([input, pick, value, how]) => mutate(input, pick, value, how));
  return fc.oneof(
    { arbitrary: valid, weight: 2 },
    { arbitrary: broken, weight: 2 },
    { arbitrary: hostileValue, weight: 1 },
  );
}

type Stats = { runs: number; outcomes: Record<string, number>; slowestMs: number; slowestInput: string };
const stats = new Map<string, Stats>();

function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_key, value: unknown) =>
      typeof value === "bigint"
        ? `${value}n`
        : typeof value === "string" && value.length > 60
          ? `${value.slice(0, 20)}…(${value.length})`
          : value,
    );
    return text === undefined ? "undefined" : text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return "(not serialisable: deep)";
  }
}

/** A call that has not answered in this long counts as a failure rather than stalling the run. */
const CALL_DEADLINE_MS = 10_000;
const HUNG = `NO_ANSWER_IN_${CALL_DEADLINE_MS}_MS`;

async function withDeadline(outcome: Promise<string>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(HUNG), CALL_DEADLINE_MS);
  });
  try {
    return await Promise.race([outcome, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** FUZZ_TRACE=<file> appends every input before it is sent: where a stalled run stopped. */
const TRACE = process.env.FUZZ_TRACE;

const callers = new Map<string, Caller>();

beforeAll(() => {
  setFaker(faker);
});

afterAll(() => {
  if (process.env.FUZZ_REPORT !== "1") return;
  const rows = [...stats.entries()].map(([path, s]) => {
    const outcomes = Object.entries(s.outcomes)
      .sort(([, a], [, b]) => b - a)
      .map(([code, count]) => `${code} ${count}`)
      .join(", ");
    return `${path.padEnd(36)} ${String(s.runs).padStart(5)}  ${outcomes}\n${"".padEnd(36)} slowest ${s.slowestMs.toFixed(0)} ms: ${s.slowestInput}`;
  });
  process.stdout.write(`\nprocedure                            runs  outcomes by code\n${rows.join("\n")}\n`);
});

describe(`fuzzing every procedure (${RUNS} inputs each)`, () => {
  it.each(PATHS)("%s never answers 500", { timeout: 300_000 }, async (path) => {
    const access = ACCESS[path]!;
    const who = CALLER_OF[access];
    expect(ROLES_ALLOWED[access]).toContain(who);
    const caller = callers.get(who) ?? (await callerAs(LOGIN[who], { ip: "198.51.100.250" }));
    callers.set(who, caller);
    const s: Stats = { runs: 0, outcomes: {}, slowestMs: 0, slowestInput: "" };
    stats.set(path, s);
    const example = EXAMPLES[path] ? await EXAMPLES[path](caller) : undefined;
    // An example that no longer passes its schema would fuzz nothing behind it.
    if (example !== undefined) expect(inputSchemaOf(path)!.safeParse(example).error).toBeUndefined();
    const failures: string[] = [];

    await fc
      .assert(
        fc.asyncProperty(inputsFor(inputSchemaOf(path), example), async (input) => {
          const started = performance.now();
          if (TRACE) appendFileSync(TRACE, `${new Date().toISOString()} ${path} ${describeInput(input)}\n`);
          const outcome = await withDeadline(
            callProcedure(caller, path, input).then(
              () => "OK",
              (error: unknown) => readTRPCError(error).code ?? `NOT_A_TRPC_ERROR: ${String(error).slice(0, 100)}`,
            ),
          );
          const ms = performance.now() - started;
          s.runs++;
          s.outcomes[outcome] = (s.outcomes[outcome] ?? 0) + 1;
          if (ms > s.slowestMs) Object.assign(s, { slowestMs: ms, slowestInput: describeInput(input) });
          const isServerFault =
            outcome === "INTERNAL_SERVER_ERROR" || outcome === HUNG || outcome.startsWith("NOT_A_TRPC_ERROR");
          if (isServerFault && failures.length < 5) failures.push(`${outcome} for ${describeInput(input)}`);
          return !isServerFault;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      )
      .catch((error: unknown) => {
        throw new Error(`${path}: ${failures.join("; ") || String(error)}`);
      });
  });
});
