import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { runOnce } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createHttpSmsSender, renderSmsBody } from "../../server/domain/sms/http-sms-sender";
import { readHttpSmsConfig, type HttpSmsConfig } from "../../server/domain/sms/sms-sender";
import { deliverSms, queueSms, resolveSmsSender } from "../../server/domain/sms/sms.service";
import { taskList } from "../../server/jobs/tasks";
import { callerAs, DEMO } from "./helpers/callers";
import { testDatabaseUrl, testDb } from "./helpers/db";

// The server's one logger, writing into this test, with its real options.
const written = vi.hoisted(() => [] as string[]);
vi.mock("../../server/log", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../server/log")>();
  const destination = new Writable({
    write(chunk, _encoding, done) {
      written.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { ...actual, log: actual.createLogger({ destination }) };
});

type Received = { headers: IncomingMessage["headers"]; body: string };

/** A provider on a free local port whose answers each test scripts, one per request. */
class FakeProvider {
  readonly received: Received[] = [];
  private answers: ((response: ServerResponse) => void)[] = [];
  private server!: Server;
  url = "";

  async start() {
    this.server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        this.received.push({ headers: request.headers, body });
        const answer = this.answers.shift() ?? ((res: ServerResponse) => res.writeHead(200).end('{"id":"m1"}'));
        answer(response);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/send`;
  }

  answerWith(...answers: ((response: ServerResponse) => void)[]) {
    this.answers = answers;
    this.received.length = 0;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const ok = (response: ServerResponse) => response.writeHead(200, { "content-type": "application/json" }).end("{}");
const status = (code: number) => (response: ServerResponse) => response.writeHead(code).end("provider says no");
/** Never answers within the adapter's timeout. */
const silent = (response: ServerResponse) => setTimeout(() => response.writeHead(200).end("{}"), 1500);

const provider = new FakeProvider();

function configFor(overrides: Partial<HttpSmsConfig> = {}): HttpSmsConfig {
  const config = readHttpSmsConfig({
    SMS_PROVIDER_URL: provider.url,
    SMS_PROVIDER_AUTH: "Authorization: Bearer test-key",
    SMS_SENDER: "Selfcare",
    SMS_PROVIDER_TIMEOUT_MS: "300",
    SMS_PROVIDER_RETRIES: "2",
  });
  return { ...config!, ...overrides };
}

beforeAll(() => provider.start());
afterAll(() => provider.stop());

describe("the HTTP provider adapter", () => {
  it("posts the filled template with the auth header", async () => {
    provider.answerWith(ok);
    await createHttpSmsSender(configFor(), { backoffMs: 10 }).send({ to: "+79001000001", text: 'Code "1" 2' });
    expect(provider.received).toHaveLength(1);
    const [request] = provider.received;
    expect(request!.headers.authorization).toBe("Bearer test-key");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual({ to: "+79001000001", text: 'Code "1" 2', sender: "Selfcare" });
  });

  it("fills a form template URL-encoded", () => {
    const rendered = renderSmsBody(
      { bodyTemplate: "phone={{to}}&msg={{text}}&from={{sender}}", sender: "Self care" },
      { to: "+79001000001", text: "a&b" },
    );
    expect(rendered).toEqual({
      body: "phone=%2B79001000001&msg=a%26b&from=Self%20care",
      contentType: "application/x-www-form-urlencoded",
    });
  });

  it("retries after a timeout and a 503, and succeeds on the third try", async () => {
    provider.answerWith(silent, status(503), ok);
    const started = Date.now();
    await createHttpSmsSender(configFor(), { backoffMs: 10 }).send({ to: "+79001000001", text: "hello" });
    expect(provider.received).toHaveLength(3);
    // The first try was cut at the 300 ms timeout, not left to hang for 1.5 s.
    expect(Date.now() - started).toBeLessThan(1400);
  });

  it("gives up after the retries, saying why but not what was sent", async () => {
    provider.answerWith(silent, silent, silent, silent);
    const failure = createHttpSmsSender(configFor({ timeoutMs: 200 }), { backoffMs: 10 }).send({
      to: "+79001000001",
      text: "secret 123456",
    });
    await expect(failure).rejects.toThrow(/no answer within 200 ms \(after 3 tries\)/);
    await failure.catch((error: Error) => expect(error.message).not.toContain("123456"));
    expect(provider.received).toHaveLength(3);
  });

  it("does not retry a refusal (4xx)", async () => {
    provider.answerWith(status(400), ok);
    await expect(
      createHttpSmsSender(configFor(), { backoffMs: 10 }).send({ to: "+79001000001", text: "x" }),
    ).rejects.toThrow(/answered 400 \(after 1 tries\)/);
    expect(provider.received).toHaveLength(1);
  });

  it("refuses a malformed configuration instead of falling back to the outbox", () => {
    expect(() => readHttpSmsConfig({ SMS_PROVIDER_URL: "ftp://x" })).toThrow(/http/);
    expect(() => readHttpSmsConfig({ SMS_PROVIDER_URL: "http://x", SMS_PROVIDER_AUTH: "no-colon" })).toThrow(
      /Header-Name/,
    );
    expect(readHttpSmsConfig({})).toBeNull();
  });
});

describe("choosing the adapter", () => {
  it("is the provider when configured, the outbox on demo data or with SMS_OUTBOX=1, else none", async () => {
    const db = testDb();
    expect((await resolveSmsSender(db, { SMS_PROVIDER_URL: provider.url }))?.via).toBe("HTTP");
    // The test database holds the demo data.
    expect((await resolveSmsSender(db, {}))?.via).toBe("OUTBOX");
    await db.setting.delete({ where: { key: "demoData" } });
    try {
      expect(await resolveSmsSender(db, {})).toBeNull();
      expect((await resolveSmsSender(db, { SMS_OUTBOX: "1" }))?.via).toBe("OUTBOX");
    } finally {
      await db.setting.create({ data: { key: "demoData", value: true } });
    }
  });
});

describe("sending through the job queue", () => {
  it("a message goes queued → sent by the job, into the outbox", async () => {
    const db = testDb();
    const { id } = await queueSms(db, { to: "+79001112233", text: "Your bill is ready", isSecret: false });
    expect((await db.smsMessage.findUniqueOrThrow({ where: { id } })).status).toBe("QUEUED");

    process.env.DATABASE_URL = testDatabaseUrl();
    await runOnce({ connectionString: testDatabaseUrl(), taskList });

    const sent = await db.smsMessage.findUniqueOrThrow({ where: { id } });
    expect(sent).toMatchObject({ status: "SENT", via: "OUTBOX", body: "Your bill is ready" });
    expect(sent.sentAt).toBeInstanceOf(Date);
    // A repeated job sends nothing twice.
    expect(await deliverSms(db, id)).toEqual({ status: "SKIPPED" });
  });

  it("through the provider, a secret text is not kept, and a failure is recorded with its reason", async () => {
    const db = testDb();
    const sender = createHttpSmsSender(configFor(), { backoffMs: 10 });
    provider.answerWith(ok);
    const first = await queueSms(db, { to: "+79001112234", text: "Code 654321", isSecret: true });
    expect(await deliverSms(db, first.id, { sender })).toEqual({ status: "SENT", via: "HTTP" });
    expect(await db.smsMessage.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "SENT",
      body: "Code ••••••",
    });

    provider.answerWith(status(500), status(500), status(500));
    const second = await queueSms(db, { to: "+79001112234", text: "Code 111222", isSecret: true });
    expect(await deliverSms(db, second.id, { sender })).toEqual({ status: "FAILED", via: "HTTP" });
    expect(await db.smsMessage.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "FAILED",
      error: "the provider answered 500 (after 3 tries)",
      body: "Code ••••••",
    });
  });

  it("without any adapter the message fails loudly, and no log line shows a text or a number", async () => {
    const db = testDb();
    const { id } = await queueSms(db, { to: "+79001112235", text: "Code 777888", isSecret: true });
    expect(await deliverSms(db, id, { sender: null })).toEqual({ status: "FAILED" });
    const row = await db.smsMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "FAILED", error: "No SMS provider is configured" });
    expect(row.body).not.toContain("777888");
    const failure = written.map((line) => JSON.parse(line) as { msg: string; level: number; messageId?: string });
    expect(failure.find((line) => line.messageId === id)).toMatchObject({
      level: 50,
      msg: expect.stringMatching(/no provider/),
    });
    // Every text this file sent, through every adapter: none reached a log line.
    for (const secret of ["777888", "654321", "111222", "123456", "Your bill is ready", "+7900111223"]) {
      expect(written.join("\n")).not.toContain(secret);
    }
  });
});

describe("admin.sms.list", () => {
  it("lists newest first, filters by number in any form, for the supervisor only", async () => {
    const db = testDb();
    const base = Date.now();
    for (const [i, to] of ["+79005550001", "+79005550002", "+79005550001"].entries()) {
      await db.smsMessage.create({
        data: { to, body: `message ${i}`, status: "SENT", via: "OUTBOX", createdAt: new Date(base + i * 1000) },
      });
    }
    const admin = await callerAs(DEMO.admin);
    const all = await admin.admin.sms.list({});
    const times = all.items.map((item) => item.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.items[0]).toMatchObject({ to: "+79005550001", body: "message 2", status: "SENT" });
    expect(all.items[0]).toHaveProperty("createdAt");

    const filtered = await admin.admin.sms.list({ to: "8 900 555-00-01" });
    expect(filtered.items.map((item) => item.body)).toEqual(["message 2", "message 0"]);
    await expect(admin.admin.sms.list({ to: "not a phone" })).toHaveTRPCCode("BAD_REQUEST");

    await expect((await callerAs(DEMO.agent1)).admin.sms.list({})).toHaveTRPCCode("FORBIDDEN");
    await expect((await callerAs(DEMO.silver)).admin.sms.list({})).toHaveTRPCCode("FORBIDDEN");
  });

  it("hides a secret text that waits for a real provider", async () => {
    const db = testDb();
    await db.smsMessage.create({ data: { to: "+79005550009", body: "Code 123456", isSecret: true } });
    const admin = await callerAs(DEMO.admin);
    const [item] = (await admin.admin.sms.list({ to: "+79005550009" })).items;
    expect(item).toMatchObject({ status: "QUEUED", body: "Code ••••••" });
  });
});
