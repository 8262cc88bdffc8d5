import { Writable } from "node:stream";
import { Prisma } from "@prisma/client";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createLogger, requestIdFrom, runWithLogBindings, runWithRequestId } from "./log";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ destination, level: "debug" });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const ROW = "(bil_000001_2512, Иванов Иван Петрович, 4510 123456, ул. Ленина, 1, 555000, 111000, 1)";

/** What pg raises for a CHECK violation (`tests/integration/log-redaction.test.ts` provokes the real one). */
function checkViolation(): pg.DatabaseError {
  const message = 'new row for relation "Bill" violates check constraint "Bill_total_is_subtotal_plus_tax"';
  return Object.assign(new pg.DatabaseError(message, 420, "error"), {
    severity: "ERROR",
    code: "23514",
    detail: `Failing row contains ${ROW}.`,
    schema: "public",
    table: "Bill",
    constraint: "Bill_total_is_subtotal_plus_tax",
    routine: "ExecConstraints",
  });
}

/** Prisma's driver adapter wraps pg's fields into a plain `cause`. */
function adapterError(): DriverAdapterError {
  const pgError = checkViolation();
  return new DriverAdapterError({
    kind: "postgres",
    code: "23514",
    severity: "ERROR",
    message: pgError.message,
    detail: pgError.detail,
    column: undefined,
    hint: undefined,
    originalCode: "23514",
    originalMessage: pgError.message,
  });
}

describe("redaction", () => {
  it("hides secrets, cookies, card data and document numbers at every depth, and keeps the rest", () => {
    const { logger, lines, records } = capture();
    logger.info(
      {
        password: "top-secret-1",
        input: {
          identifier: "+79001000001",
          password: "top-secret-2",
          code: "482913",
          customer: { lastName: "Иванов", documentNumber: "4510 123456" },
          card: { pan: "4111111111111111", cvc: "737", cardToken: "tok_visa_42" },
        },
        headers: {
          cookie: "next-auth.session-token=abc.def",
          authorization: "Bearer eyJhbGciOi",
          "set-cookie": ["s=1"],
        },
        job: { payload: { user: { newPassword: "top-secret-3", passport: "4510 654321" } } },
        code: "INTERNAL_SERVER_ERROR",
        path: "bill.pay",
      },
      "call",
    );
    logger.info(
      {
        credentials: { identifier: "agent1@selfcare.test", totp: "123456" },
        result: {
          otpauthUri: "otpauth://totp/Selfcare:a?secret=JBSWY3DPEHPK3PXPJBSW",
          recoveryCodes: ["ABCDE-FGHJK"],
          secretSealed: "v1.aaa.bbb.ccc",
        },
      },
      "second factor",
    );
    const output = lines.join("\n");
    for (const secret of [
      "top-secret-1",
      "top-secret-2",
      "top-secret-3",
      "482913",
      "4510 123456",
      "4510 654321",
      "4111111111111111",
      "737",
      "tok_visa_42",
      "session-token=abc",
      "eyJhbGciOi",
      "s=1",
      "123456",
      "JBSWY3DPEHPK3PXPJBSW",
      "ABCDE-FGHJK",
      "v1.aaa.bbb.ccc",
    ])
      expect(output).not.toContain(secret);

    const [record] = records();
    expect(record).toMatchObject({
      password: "[redacted]",
      input: {
        identifier: "+79001000001",
        password: "[redacted]",
        code: "[redacted]",
        customer: { lastName: "Иванов", documentNumber: "[redacted]" },
        card: { pan: "[redacted]", cvc: "[redacted]", cardToken: "[redacted]" },
      },
      headers: { cookie: "[redacted]", authorization: "[redacted]", "set-cookie": "[redacted]" },
      job: { payload: { user: { newPassword: "[redacted]", passport: "[redacted]" } } },
      // An error code is not a secret: only a typed one (under input) is.
      code: "INTERNAL_SERVER_ERROR",
      path: "bill.pay",
    });
  });
});

describe("PostgreSQL's row data", () => {
  it("never leaves pg's own error, and what identifies the failure stays", () => {
    const { logger, lines, records } = capture();
    logger.error({ err: checkViolation() }, "insert failed");
    expect(lines.join("\n")).not.toContain("Иванов");
    expect(lines.join("\n")).not.toContain("Failing row contains (");
    const err = records()[0]!.err as Record<string, unknown>;
    expect(err).toMatchObject({
      type: "DatabaseError",
      code: "23514",
      table: "Bill",
      constraint: "Bill_total_is_subtotal_plus_tax",
      message: expect.stringContaining("violates check constraint"),
    });
    expect(err).not.toHaveProperty("detail");
    expect(err.stack).toEqual(expect.stringContaining("at "));
  });

  it("never leaves Prisma's wrapped forms: the adapter's cause, and P2010's meta", () => {
    const { logger, lines, records } = capture();
    const wrapped = new Prisma.PrismaClientKnownRequestError("Raw query failed. Code: `23514`.", {
      code: "P2010",
      clientVersion: Prisma.prismaVersion.client,
      meta: { driverAdapterError: adapterError() },
    });
    logger.error(adapterError(), "create failed");
    logger.error({ err: new Error("transaction failed", { cause: wrapped }) }, "raw failed");
    const output = lines.join("\n");
    expect(output).not.toContain("Иванов");
    expect(output).not.toContain("4510 123456");
    expect(output).not.toContain("detail");
    const [direct, nested] = records() as { err: { cause: unknown } }[];
    expect(direct!.err).toMatchObject({ type: "DriverAdapterError", cause: { code: "23514", kind: "postgres" } });
    expect(nested!.err.cause).toMatchObject({
      code: "P2010",
      meta: { driverAdapterError: { cause: { originalCode: "23514" } } },
    });
  });

  it("cuts the row out of a message that quotes it, and out of any other field, keeping the line valid JSON", () => {
    const { logger, lines, records } = capture();
    logger.error(new Error(`null value in column "dueAt" violates not-null constraint. Failing row contains ${ROW}.`));
    logger.warn({ note: `from a driver: Failing row contains ${ROW} "quoted" \\ end` }, "odd");
    expect(lines.join("\n")).not.toContain("Иванов");
    const [error, warning] = records() as { err: { message: string; stack: string }; note: string }[];
    expect(error!.err.message).toBe(
      'null value in column "dueAt" violates not-null constraint. Failing row contains [redacted]',
    );
    expect(error!.err.stack).toMatch(/Failing row contains \[redacted\]\n\s+at /);
    expect(warning!.note).toBe("from a driver: Failing row contains [redacted]");
  });
});

describe("request and job ids", () => {
  it("puts the request id on every line written inside the request, through awaits", async () => {
    const { logger, records } = capture();
    await runWithRequestId("req-42", async () => {
      logger.info("first");
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info({ requestId: "not-mine" }, "a field of the call wins");
      await runWithLogBindings({ jobId: "7" }, async () => logger.info("nested"));
    });
    logger.info("outside");
    expect(records().map((record) => [record.msg, record.requestId, record.jobId])).toEqual([
      ["first", "req-42", undefined],
      ["a field of the call wins", "not-mine", undefined],
      ["nested", "req-42", "7"],
      ["outside", undefined, undefined],
    ]);
  });

  it("keeps a caller's short, plain request id and replaces anything else", () => {
    const headers = (value?: string) => ({ get: (name: string) => (name === "x-request-id" ? (value ?? null) : null) });
    expect(requestIdFrom(headers("edge-5f2a.9:1"))).toBe("edge-5f2a.9:1");
    for (const unsafe of [undefined, "", "a b", "x".repeat(65), "id\u0000", 'id"}']) {
      expect(requestIdFrom(headers(unsafe))).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("error objects", () => {
  it("names the objects of a class an error carries instead of walking them", () => {
    const { logger, records } = capture();
    class Client {
      connectionParameters = { user: "selfcare", host: "db", password: "pg-secret" };
    }
    logger.warn(Object.assign(new Error("terminating connection"), { code: "57P01", client: new Client() }), "idle");
    const err = records()[0]!.err as Record<string, unknown>;
    expect(err).toMatchObject({ code: "57P01", client: "[Client]" });
    expect(JSON.stringify(err)).not.toContain("pg-secret");
  });
});
