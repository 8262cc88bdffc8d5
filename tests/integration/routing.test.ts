import { beforeAll, describe, expect, it } from "vitest";
import type { Category } from "../../server/domain/routing/policy.schema";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { clearRequests } from "./helpers/requests";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";

const MINUTE = 60_000;

type Expectation = {
  who: string;
  category: Category;
  decision: string;
  status: string;
  priority: number;
  code: string;
  /** Minutes to the promised first response; null in self-service. */
  slaMinutes: number | null;
  disputedAmountCents?: number;
};

// Each rule of DESIGN.md "Routing of every new contact", end to end through request.create, for
// the demo subscribers in the segments their data puts them in.
const RULES: Expectation[] = [
  {
    who: DEMO.bronze,
    category: "BILLING_QUESTION",
    decision: "SELF_SERVICE",
    status: "SELF_SERVICE",
    priority: 3,
    code: "SELF_SERVICE_CATEGORY",
    slaMinutes: null,
  },
  {
    who: DEMO.bronze,
    category: "SIM_REPLACEMENT",
    decision: "SELF_SERVICE",
    status: "SELF_SERVICE",
    priority: 3,
    code: "SELF_SERVICE_CATEGORY",
    slaMinutes: null,
  },
  {
    who: DEMO.silver,
    category: "TARIFF_CHANGE",
    decision: "SELF_SERVICE",
    status: "SELF_SERVICE",
    priority: 4,
    code: "SELF_SERVICE_CATEGORY",
    slaMinutes: null,
  },
  {
    who: DEMO.silver,
    category: "SIM_REPLACEMENT",
    decision: "AGENT_QUEUE",
    status: "QUEUED",
    priority: 3,
    code: "NEEDS_PERSON_CATEGORY",
    slaMinutes: 480,
  },
  {
    who: DEMO.bronze,
    category: "NO_SERVICE",
    decision: "AGENT_QUEUE",
    status: "QUEUED",
    priority: 1,
    code: "OUTAGE",
    slaMinutes: 120,
  },
  {
    who: DEMO.bronze,
    category: "TECHNICAL_FAULT",
    decision: "AGENT_QUEUE",
    status: "QUEUED",
    priority: 2,
    code: "TECHNICAL_FAULT",
    slaMinutes: 480,
  },
  {
    who: DEMO.bronze,
    category: "CANCEL_CONTRACT",
    decision: "AGENT_QUEUE",
    status: "QUEUED",
    priority: 2,
    code: "RETENTION",
    slaMinutes: 480,
  },
  {
    who: DEMO.silver,
    category: "COMPLAINT",
    decision: "AGENT_QUEUE",
    status: "QUEUED",
    priority: 2,
    code: "COMPLAINT",
    slaMinutes: 240,
  },
  {
    who: DEMO.bronze,
    category: "BILL_DISPUTE",
    decision: "AGENT_QUEUE",
    status: "QUEUED",
    priority: 2,
    code: "DISPUTE_ABOVE_LIMIT",
    slaMinutes: 480,
    disputedAmountCents: 150_000,
  },
  {
    who: DEMO.bronze,
    category: "BILL_DISPUTE",
    decision: "AGENT_QUEUE",
    status: "QUEUED",
    priority: 3,
    code: "NEEDS_PERSON_CATEGORY",
    slaMinutes: 1440,
    disputedAmountCents: 20_000,
  },
  {
    who: DEMO.platinum,
    category: "BILLING_QUESTION",
    decision: "PERSONAL_MANAGER",
    status: "ASSIGNED",
    priority: 2,
    code: "PERSONAL_MANAGER",
    slaMinutes: 30,
  },
  {
    who: DEMO.platinum,
    category: "NO_SERVICE",
    decision: "PERSONAL_MANAGER",
    status: "ASSIGNED",
    priority: 1,
    code: "OUTAGE",
    slaMinutes: 15,
  },
];

describe("request.create routes every rule", () => {
  beforeAll(async () => {
    for (const phone of [DEMO.bronze, DEMO.silver, DEMO.platinum]) await clearRequests(phone);
  });

  it.each(RULES)("$who $category → $decision P$priority ($code)", async (rule) => {
    const db = testDb();
    // Every rule starts without earlier contacts, so no rule is hidden behind "repeat contact".
    await clearRequests(rule.who);
    const caller = await callerAs(rule.who);
    const before = Date.now();
    const created = await caller.request.create({
      category: rule.category,
      subject: `Вопрос: ${rule.category}`,
      description: "Подробное описание того, что произошло, чтобы было понятно.",
      disputedAmountCents: rule.disputedAmountCents,
      idempotencyKey: newIdempotencyKey("test"),
    });
    expect(created.routing.decision).toBe(rule.decision);
    expect(created.status).toBe(rule.status);
    expect(created.routing.priority).toBe(rule.priority);
    expect(created.routing.reasonCodes).toContain(rule.code);
    expect(created.routing.reasons.length).toBe(created.routing.reasonCodes.length);
    if (rule.slaMinutes === null) {
      expect(created.routing.slaDueAt).toBeNull();
    } else {
      const due = created.routing.slaDueAt!.getTime();
      expect(due).toBeGreaterThanOrEqual(before + rule.slaMinutes * MINUTE);
      expect(due).toBeLessThanOrEqual(Date.now() + rule.slaMinutes * MINUTE);
    }

    // The decision and its reasons are stored on the request, with the timeline of the routing.
    const stored = await db.serviceRequest.findUniqueOrThrow({
      where: { id: created.id },
      include: { events: { orderBy: { at: "asc" } } },
    });
    expect(stored.decision).toBe(rule.decision);
    expect(stored.routingReasons).toHaveLength(created.routing.reasonCodes.length);
    expect(stored.routingReasonCodes).toEqual(created.routing.reasonCodes);
    expect(stored.events.map((event) => event.status)).toEqual(["NEW", rule.status]);
  });

  it("sends a PLATINUM request to the personal manager and tells them", async () => {
    const db = testDb();
    const manager = await db.user.findUniqueOrThrow({ where: { email: DEMO.agent1 } });
    const customer = await db.customer.findFirstOrThrow({ where: { login: { phone: DEMO.platinum } } });
    expect(customer.personalManagerId).toBe(manager.id);
    const created = await (
      await callerAs(DEMO.platinum)
    ).request.create({
      category: "ROAMING",
      subject: "Роуминг в Турции",
      description: "Как подключить пакет интернета в Турции на неделю?",
      idempotencyKey: newIdempotencyKey("test"),
    });
    const stored = await db.serviceRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.assignedToId).toBe(manager.id);
    expect(stored.claimedAt).not.toBeNull();
    const notice = await db.notification.findFirst({
      where: { userId: manager.id, url: `/agent/requests/${created.id}` },
    });
    expect(notice?.title).toContain(`#${created.number}`);
  });

  it("tells why in sentences a person can read", async () => {
    await clearRequests(DEMO.bronze);
    const created = await (
      await callerAs(DEMO.bronze)
    ).request.create({
      category: "CANCEL_CONTRACT",
      subject: "Хочу расторгнуть договор",
      description: "Переезжаю в другой город, хочу закрыть номер.",
      idempotencyKey: newIdempotencyKey("test"),
    });
    // The subscriber reads them in their language, without the agents' wording or their segment.
    expect(created.routing.reasons[0]).toBe(
      "Расторжение договора всегда рассматривает специалист, который может предложить вариант лучше.",
    );
    expect(created.routing.reasons.at(-1)).toMatch(/^Обещаем первый ответ до .+\.$/);
    expect(created.routing.reasons.join(" ")).not.toMatch(/BRONZE|Бронз/i);
    // Agents read the sentences routing wrote, segment included.
    const agentView = await (await callerAs(DEMO.agent1)).agent.request({ requestId: created.id });
    expect(agentView.routing.reasons[0]).toBe(
      "Contract cancellation always goes to a person who can offer to keep the customer.",
    );
    expect(agentView.routing.reasons.at(-1)).toMatch(
      /^First response promised within 480 minutes \(BRONZE, priority 2\)\.$/,
    );
  });
});

describe("repeat contacts", () => {
  it("escalates a second contact on the same category within 7 days, with higher priority", async () => {
    await clearRequests(DEMO.bronze);
    const caller = await callerAs(DEMO.bronze);
    const ask = (category: Category) =>
      caller.request.create({
        category,
        subject: "Вопрос по счёту",
        description: "Не понимаю, за что списали деньги.",
        idempotencyKey: newIdempotencyKey("test"),
      });
    const first = await ask("BILLING_QUESTION");
    expect(first.routing.decision).toBe("SELF_SERVICE");
    const second = await ask("BILLING_QUESTION");
    expect(second.routing.decision).toBe("AGENT_QUEUE");
    expect(second.routing.reasonCodes).toContain("REPEAT_CONTACT");
    expect(second.routing.priority).toBe(2);
    expect(second.routing.reasons[0]).toContain("Вы недавно обращались по этому вопросу");
    // Another topic is not a repeat.
    const other = await ask("TARIFF_CHANGE");
    expect(other.routing.decision).toBe("SELF_SERVICE");
    expect(other.routing.reasonCodes).not.toContain("REPEAT_CONTACT");
  });

  it("does not count a contact older than the policy's 7 days", async () => {
    const db = testDb();
    await clearRequests(DEMO.silver);
    const caller = await callerAs(DEMO.silver);
    const old = await caller.request.create({
      category: "ROAMING",
      subject: "Роуминг",
      description: "Как работает интернет в роуминге в Европе?",
      idempotencyKey: newIdempotencyKey("test"),
    });
    await db.serviceRequest.update({
      where: { id: old.id },
      data: { createdAt: new Date(Date.now() - 8 * 24 * 60 * MINUTE) },
    });
    const again = await caller.request.create({
      category: "ROAMING",
      subject: "Снова роуминг",
      description: "Как работает интернет в роуминге в Азии?",
      idempotencyKey: newIdempotencyKey("test"),
    });
    expect(again.routing.decision).toBe("SELF_SERVICE");
    await db.serviceRequest.update({
      where: { id: old.id },
      data: { createdAt: new Date(Date.now() - 6 * 24 * 60 * MINUTE) },
    });
    const third = await caller.request.create({
      category: "ROAMING",
      subject: "Опять роуминг",
      description: "Всё ещё не работает интернет в роуминге.",
      idempotencyKey: newIdempotencyKey("test"),
    });
    expect(third.routing.reasonCodes).toContain("REPEAT_CONTACT");
  });

  it("follows the policy in the database: a new version changes the decision", async () => {
    const db = testDb();
    await clearRequests(DEMO.silver);
    const active = await db.routingPolicy.findFirstOrThrow({ orderBy: { version: "desc" } });
    const config = active.config as { selfServiceCategories: Record<string, string[]> };
    await db.routingPolicy.create({
      data: {
        version: active.version + 1,
        config: { ...config, selfServiceCategories: { ...config.selfServiceCategories, SILVER: ["SIM_REPLACEMENT"] } },
        note: "test: SIM replacement in self-service for SILVER",
      },
    });
    try {
      const created = await (
        await callerAs(DEMO.silver)
      ).request.create({
        category: "SIM_REPLACEMENT",
        subject: "Замена SIM",
        description: "Сломалась SIM-карта, нужна новая.",
        idempotencyKey: newIdempotencyKey("test"),
      });
      expect(created.routing.decision).toBe("SELF_SERVICE");
      const stored = await db.serviceRequest.findUniqueOrThrow({ where: { id: created.id } });
      expect(stored.policyVersion).toBe(active.version + 1);
    } finally {
      await db.routingPolicy.deleteMany({ where: { version: active.version + 1 } });
    }
  });
});
