import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { handleIncidentPost } from "../../server/api/incidents-api";
import { notifyIncidentUpdate } from "../../server/domain/incident/incident-notify.service";
import { callerAs, customerIdOf, DEMO, userIdOf } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { generatedSubscriber } from "./helpers/money";

const TOKEN = "incidents-test-token-0123456789";
const HOUR = 3_600_000;

async function mobileLineOf(phone: string) {
  return testDb().line.findFirstOrThrow({
    where: { customerId: await customerIdOf(phone), kind: "MOBILE", status: "ACTIVE" },
    orderBy: { activatedAt: "asc" },
  });
}

function post(body: unknown, token: string | null = TOKEN) {
  const previous = process.env.INCIDENTS_API_TOKEN;
  process.env.INCIDENTS_API_TOKEN = TOKEN;
  const request = new Request("http://test/api/incidents", {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return handleIncidentPost(request, testDb()).finally(() => {
    process.env.INCIDENTS_API_TOKEN = previous;
  });
}

const message = { ru: "Не работает базовая станция", en: "A cell site is down" };

async function declareOnCellOf(
  phone: string,
  services: ("VOICE" | "SMS" | "MOBILE_DATA" | "HOME_INTERNET")[] = ["VOICE", "MOBILE_DATA"],
) {
  const line = await mobileLineOf(phone);
  const admin = await callerAs(DEMO.admin);
  const incident = await admin.admin.incidents.declare({
    services,
    area: { cells: [line.cells[0]!] },
    startedAt: new Date(Date.now() - 2 * HOUR),
    etaAt: new Date(Date.now() + 2 * HOUR),
    message,
    idempotencyKey: newIdempotencyKey("declare"),
  });
  return { line, incident };
}

describe("declaring an incident", () => {
  it("matches the lines of its area and shows it only to subscribers whose lines it touches", async () => {
    const { line, incident } = await declareOnCellOf(DEMO.bronze);
    const cellLines = await testDb().line.count({
      where: { cells: { has: line.cells[0]! }, kind: "MOBILE", status: { not: "TERMINATED" } },
    });
    expect(incident.affectedLines).toBe(cellLines);
    expect(incident.affectedLines).toBeGreaterThanOrEqual(1);
    expect(incident).toMatchObject({ status: "ACTIVE", source: "SUPERVISOR", services: ["VOICE", "MOBILE_DATA"] });

    const mine = await (await callerAs(DEMO.bronze)).incident.forMe();
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: incident.id,
        status: "ACTIVE",
        message: message.ru,
        lines: [expect.objectContaining({ id: line.id })],
        isSubscribed: false,
      }),
    ]);

    const outsider = await generatedSubscriber(1);
    const outsiderLines = await testDb().line.findMany({ where: { customerId: await customerIdOf(outsider) } });
    expect(outsiderLines.some((other) => other.cells?.includes(line.cells[0]!))).toBe(false);
    const theirs = await callerAs(outsider);
    expect((await theirs.incident.forMe()).items).toEqual([]);
    await expect(theirs.incident.subscribe({ incidentId: incident.id })).toHaveTRPCCode("NOT_FOUND");
    expect(await testDb().incidentSubscription.count({ where: { incidentId: incident.id } })).toBe(0);
  });

  it("answers a replayed or raced declaration with the one incident, and refuses a bad one with its field", async () => {
    const admin = await callerAs(DEMO.admin);
    const input = {
      services: ["HOME_INTERNET" as const],
      area: { nodes: ["MOW-N999"] },
      startedAt: new Date(Date.now() - HOUR),
      message,
      idempotencyKey: newIdempotencyKey("declare-race"),
    };
    const [first, raced] = await Promise.all([
      admin.admin.incidents.declare(input),
      admin.admin.incidents.declare(input),
    ]);
    const replay = await admin.admin.incidents.declare(input);
    expect(raced.id).toBe(first.id);
    expect(replay.id).toBe(first.id);
    expect(await testDb().incident.count({ where: { nodes: { has: "MOW-N999" } } })).toBe(1);

    const before = await testDb().incident.count();
    await expect(
      admin.admin.incidents.declare({ ...input, area: {}, idempotencyKey: newIdempotencyKey("x") }),
    ).toHaveTRPCCode("BAD_REQUEST");
    await expect(
      admin.admin.incidents.declare({
        ...input,
        etaAt: new Date(Date.now() - 2 * HOUR),
        idempotencyKey: newIdempotencyKey("y"),
      }),
    ).toHaveTRPCCode("BAD_REQUEST");
    await expect(
      admin.admin.incidents.declare({ ...input, services: [], idempotencyKey: newIdempotencyKey("z") }),
    ).toHaveTRPCCode("BAD_REQUEST");
    await expect(admin.admin.incidents.update({ id: "inc_missing", etaAt: new Date() })).toHaveTRPCCode("NOT_FOUND");
    expect(await testDb().incident.count()).toBe(before);
  });

  it("tells every affected subscriber when declared, and subscribers (push and SMS) when updated", async () => {
    const { incident } = await declareOnCellOf(DEMO.silver, ["SMS"]);
    const declared = await testDb().incidentUpdate.findFirstOrThrow({
      where: { incidentId: incident.id, kind: "DECLARED" },
    });
    const silverUser = await userIdOf(DEMO.silver);
    const result = await notifyIncidentUpdate(testDb(), incident.id, declared.id);
    expect(result.notified).toBeGreaterThanOrEqual(1);
    expect(result.texted).toBe(0);
    const notice = await testDb().notification.findFirstOrThrow({ where: { userId: silverUser, kind: "INCIDENT" } });
    expect(notice.title).toContain("SMS");

    const caller = await callerAs(DEMO.silver);
    await caller.incident.subscribe({ incidentId: incident.id });
    await caller.incident.subscribe({ incidentId: incident.id });
    expect(await testDb().incidentSubscription.count({ where: { incidentId: incident.id } })).toBe(1);
    expect((await caller.incident.forMe()).items[0]).toMatchObject({ id: incident.id, isSubscribed: true });

    const admin = await callerAs(DEMO.admin);
    const eta = new Date(Date.now() + 5 * HOUR);
    await admin.admin.incidents.update({
      id: incident.id,
      etaAt: eta,
      message: { ru: "Меняем оборудование", en: "Replacing equipment" },
    });
    const updated = await testDb().incidentUpdate.findFirstOrThrow({
      where: { incidentId: incident.id, kind: "UPDATED" },
    });
    const smsBefore = await testDb().smsMessage.count({ where: { to: DEMO.silver } });
    const after = await notifyIncidentUpdate(testDb(), incident.id, updated.id);
    expect(after).toEqual({ notified: 1, texted: 1 });
    const sms = await testDb().smsMessage.findFirstOrThrow({
      where: { to: DEMO.silver },
      orderBy: { createdAt: "desc" },
    });
    expect(await testDb().smsMessage.count({ where: { to: DEMO.silver } })).toBe(smsBefore + 1);
    expect(sms.body).toContain("Меняем оборудование");
  });
});

describe("updating an incident", () => {
  it("writes one status update for a replayed or raced change, and none for a change that changes nothing", async () => {
    const { incident } = await declareOnCellOf(DEMO.platinum, ["MOBILE_DATA"]);
    const admin = await callerAs(DEMO.admin);
    const change = {
      id: incident.id,
      etaAt: new Date(Date.now() + 6 * HOUR),
      message: { ru: "Ждём запчасть", en: "Waiting for a spare part" },
      idempotencyKey: newIdempotencyKey("update"),
    };
    const [first, raced] = await Promise.all([
      admin.admin.incidents.update(change),
      admin.admin.incidents.update(change),
    ]);
    expect(raced.id).toBe(first.id);
    await admin.admin.incidents.update(change);
    await admin.admin.incidents.update({ id: incident.id, etaAt: change.etaAt, message: change.message });
    expect(await testDb().incidentUpdate.count({ where: { incidentId: incident.id, kind: "UPDATED" } })).toBe(1);
    expect(
      (await admin.admin.incidents.list({ status: "ACTIVE" })).items.find((item) => item.id === incident.id),
    ).toMatchObject({ message: change.message, etaAt: change.etaAt });
    await admin.admin.incidents.resolve({ id: incident.id });
    await expect(admin.admin.incidents.update({ id: incident.id, etaAt: new Date(Date.now() + HOUR) })).toHaveTRPCCode(
      "CONFLICT",
    );
  });
});

describe("the monitoring API", () => {
  const body = {
    externalId: "nms-4711",
    services: ["MOBILE_DATA"],
    area: { regions: ["KZN"] },
    startedAt: new Date(Date.now() - 3 * HOUR).toISOString(),
    message: { ru: "Авария в Казани", en: "Outage in Kazan" },
  };

  it("refuses a missing or wrong token and bad input, and stores nothing", async () => {
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, "wrong-token-0123456789-0123456")).status).toBe(401);
    const bad = await post({ ...body, area: { regions: [] } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty("area");
    expect((await post("{not json")).status).toBe(400);
    expect(await testDb().incident.count({ where: { externalId: "nms-4711" } })).toBe(0);
  });

  it("is one incident however often it is posted; a later post updates it, and resolvedAt resolves it", async () => {
    const [first, second] = await Promise.all([post(body), post(body)]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    const created = await first.json();
    expect(created).toMatchObject({ source: "MONITORING", externalId: "nms-4711", status: "ACTIVE" });
    const kazanLines = await testDb().line.count({
      where: { serviceRegion: "KZN", kind: "MOBILE", status: { not: "TERMINATED" } },
    });
    expect(created.affectedLines).toBe(kazanLines);
    expect(await testDb().incident.count({ where: { externalId: "nms-4711" } })).toBe(1);
    expect(await testDb().incidentUpdate.count({ where: { incident: { externalId: "nms-4711" } } })).toBe(1);

    const eta = new Date(Date.now() + HOUR).toISOString();
    const updated = await (await post({ ...body, etaAt: eta })).json();
    expect(new Date(updated.etaAt).toISOString()).toBe(eta);
    await post({ ...body, etaAt: eta });
    expect(await testDb().incidentUpdate.count({ where: { incident: { externalId: "nms-4711" } } })).toBe(2);

    const resolvedAt = new Date(Date.now() - 60_000).toISOString();
    const resolved = await (await post({ ...body, etaAt: eta, resolvedAt })).json();
    expect(resolved).toMatchObject({ status: "RESOLVED" });
    expect(new Date(resolved.resolvedAt).toISOString()).toBe(resolvedAt);
    const again = await post({ ...body, etaAt: eta, resolvedAt });
    expect(again.status).toBe(200);
    expect(
      await testDb().incidentUpdate.count({ where: { incident: { externalId: "nms-4711" }, kind: "RESOLVED" } }),
    ).toBe(1);
  });
});

describe("requests during an incident", () => {
  it("attach to the incident instead of queuing, and the resolution answers each; one that still fails is escalated", async () => {
    const phone = await generatedSubscriber(2);
    const { line, incident } = await declareOnCellOf(phone);
    const caller = await callerAs(phone);
    const created = await caller.request.create({
      category: "NO_SERVICE",
      subject: "Нет связи",
      description: "С утра нет связи и интернета",
      lineId: line.id,
      idempotencyKey: newIdempotencyKey("outage-1"),
    });
    expect(created).toMatchObject({ incidentId: incident.id, status: "SELF_SERVICE" });
    expect(created.routing.decision).toBe("SELF_SERVICE");
    expect(created.routing.reasonCodes).toEqual(["OUTAGE_KNOWN"]);
    expect(created.routing.slaDueAt).toBeNull();

    const billing = await caller.request.create({
      category: "BILLING_QUESTION",
      subject: "Счёт",
      description: "Вопрос по счёту за месяц",
      idempotencyKey: newIdempotencyKey("billing-1"),
    });
    expect(billing.incidentId).toBeNull();

    const agentQueue = await (await callerAs(DEMO.agent1)).agent.queue({});
    expect(agentQueue.items.map((item) => item.id)).not.toContain(created.id);

    const admin = await callerAs(DEMO.admin);
    expect((await admin.admin.incidents.list()).items.find((item) => item.id === incident.id)).toMatchObject({
      attachedRequests: 1,
      openAttachedRequests: 1,
    });
    await admin.admin.incidents.resolve({ id: incident.id, idempotencyKey: newIdempotencyKey("resolve") });
    await admin.admin.incidents.resolve({ id: incident.id });

    const answered = await caller.request.byId({ id: created.id });
    expect(answered.status).toBe("RESOLVED");
    expect(answered.messages.at(-1)).toMatchObject({ authorKind: "SYSTEM" });
    expect(await testDb().requestMessage.count({ where: { requestId: created.id, authorKind: "SYSTEM" } })).toBe(1);
    expect((await testDb().serviceRequest.findUniqueOrThrow({ where: { id: created.id } })).deflected).toBe(true);

    const reopened = await caller.request.reopen({ requestId: created.id, comment: "Связи всё ещё нет" });
    expect(reopened.status).toBe("REOPENED");
    const stored = await testDb().serviceRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.decision).not.toBe("SELF_SERVICE");
    expect(stored.deflected).toBe(false);

    // After the repair, a new fault on the line is an outage for a person again.
    const later = await caller.request.create({
      category: "NO_SERVICE",
      subject: "Снова нет связи",
      description: "Опять пропала связь",
      lineId: line.id,
      idempotencyKey: newIdempotencyKey("outage-2"),
    });
    expect(later.incidentId).toBeNull();
    expect(later.routing.decision).not.toBe("SELF_SERVICE");
  });

  it("record a deflection once when the subscriber chooses to be notified instead of filing", async () => {
    const phone = await generatedSubscriber(3);
    const { incident } = await declareOnCellOf(phone);
    const caller = await callerAs(phone);
    await Promise.all([
      caller.incident.subscribe({ incidentId: incident.id, fromIntake: true }),
      caller.incident.subscribe({ incidentId: incident.id, fromIntake: true }),
    ]);
    expect(
      await testDb().interaction.count({
        where: { customerId: await customerIdOf(phone), type: "INCIDENT_DEFLECTED" },
      }),
    ).toBe(1);

    const admin = await callerAs(DEMO.admin);
    const today = new Date().toISOString().slice(0, 10);
    const report = await admin.admin.reports.overview({ from: today, to: today });
    expect(report.incidents.incidents).toBeGreaterThanOrEqual(1);
    expect(report.incidents.deflectedAtIntake).toBe(1);
    expect(report.incidents.contacts).toBe(report.incidents.attachedRequests + 1);
    expect(report.incidents.deflectedShare).toBeGreaterThan(0);
    const csv = await admin.admin.reports.exportCsv({ from: today, to: today, locale: "en" });
    expect(csv.content).toContain(`incidents.contacts,Contacts caused by incidents,${report.incidents.contacts}`);
  });
});

describe("agents and incidents", () => {
  it("see the incidents on a customer's lines, group the queue by incident, and attach a request by hand", async () => {
    const phone = await generatedSubscriber(4);
    const customerId = await customerIdOf(phone);
    const { line, incident } = await declareOnCellOf(phone);
    const subscriber = await callerAs(phone);
    const complaint = await subscriber.request.create({
      category: "COMPLAINT",
      subject: "Жалоба на связь",
      description: "Связь пропадает, это не первый раз",
      lineId: line.id,
      idempotencyKey: newIdempotencyKey("complaint"),
    });
    expect(complaint.incidentId).toBeNull();

    const agent = await callerAs(DEMO.agent2);
    const view = await agent.agent.customer360({ customerId });
    expect(view.lines.find((row) => row.id === line.id)!.serviceArea).toEqual({
      region: line.serviceRegion,
      cells: line.cells,
      node: null,
      building: null,
    });
    const theirs = await agent.agent.incidents({ customerId });
    expect(theirs.items).toEqual([
      expect.objectContaining({
        id: incident.id,
        lines: [expect.objectContaining({ id: line.id })],
        attachedRequests: 0,
      }),
    ]);

    await expect(agent.agent.attachToIncident({ requestId: complaint.id, incidentId: "inc_missing" })).toHaveTRPCCode(
      "NOT_FOUND",
    );
    const elsewhere = await (
      await callerAs(DEMO.admin)
    ).admin.incidents.declare({
      services: ["VOICE"],
      area: { cells: ["NOWHERE-C0001"] },
      startedAt: new Date(Date.now() - HOUR),
      message,
    });
    await expect(agent.agent.attachToIncident({ requestId: complaint.id, incidentId: elsewhere.id })).toHaveTRPCCode(
      "NOT_FOUND",
    );
    await agent.agent.attachToIncident({ requestId: complaint.id, incidentId: incident.id });

    const grouped = await agent.agent.queue({ incidentId: incident.id });
    expect(grouped.items.map((item) => item.id)).toEqual([complaint.id]);
    expect(grouped.items[0]!.incident).toMatchObject({ id: incident.id, number: incident.number, status: "ACTIVE" });
    const active = await agent.agent.incidents({});
    expect(active.items.find((item) => item.id === incident.id)).toMatchObject({ attachedRequests: 1, inQueue: 1 });

    await expect((await callerAs(phone)).agent.incidents({ customerId })).toHaveTRPCCode("FORBIDDEN");
  });
});
