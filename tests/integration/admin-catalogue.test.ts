import { describe, expect, it } from "vitest";
import { callerAs, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { fieldErrorsOf } from "./helpers/trpc-errors";

const TARIFF = {
  name: "Студенческий",
  nameEn: "Student",
  description: "10 ГБ и 300 минут для студентов.",
  descriptionEn: "10 GB and 300 minutes for students.",
  kind: "MOBILE" as const,
  monthlyFeeCents: 39_000,
  minutes: 300,
  sms: 100,
  dataMb: 10_240,
  minuteCents: 200,
  smsCents: 200,
  dataBlockCents: 1_500,
  openToSegments: ["BRONZE" as const, "SILVER" as const],
  soldToNewCustomers: true,
  minTermMonths: 0,
};

describe("admin.tariffs", () => {
  it("creates a tariff that dealers can then sell; a retry with the same key is the same tariff", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const idempotencyKey = newIdempotencyKey("test");
    const [created, raced] = await Promise.all([
      admin.admin.tariffs.create({ ...TARIFF, code: "student", idempotencyKey }),
      admin.admin.tariffs.create({ ...TARIFF, code: "student", idempotencyKey }),
    ]);
    expect(raced.id).toBe(created.id);
    expect(created).toMatchObject({
      code: "STUDENT",
      status: "ACTIVE",
      monthlyFeeCents: 39_000,
      openToSegments: ["BRONZE", "SILVER"],
    });
    expect((await admin.admin.tariffs.create({ ...TARIFF, code: "STUDENT", idempotencyKey })).id).toBe(created.id);
    expect(await db.tariff.count({ where: { code: "STUDENT" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "tariff.create", entityId: created.id } })).toBe(1);

    const dealer = await callerAs(DEMO.dealer1);
    expect((await dealer.tariff.list()).items.map((tariff) => tariff.code)).toContain("STUDENT");
    const catalogue = await admin.admin.tariffs.list();
    expect(catalogue.items.find((tariff) => tariff.id === created.id)).toMatchObject({ activeLines: 0 });
  });

  it("refuses a taken code with another key, and bad fields by name", async () => {
    const admin = await callerAs(DEMO.admin);
    const taken = await admin.admin.tariffs.list().then((list) => list.items[0]!.code);
    await expect(
      admin.admin.tariffs.create({ ...TARIFF, code: taken, idempotencyKey: newIdempotencyKey("test") }),
    ).toHaveTRPCCode("CONFLICT");
    expect(
      Object.keys(
        await fieldErrorsOf(
          admin.admin.tariffs.create({ ...TARIFF, code: "x", idempotencyKey: newIdempotencyKey("test") }),
        ),
      ),
    ).toContain("code");
    expect(
      Object.keys(
        await fieldErrorsOf(
          admin.admin.tariffs.create({
            ...TARIFF,
            code: "NEG",
            monthlyFeeCents: -1,
            idempotencyKey: newIdempotencyKey("test"),
          }),
        ),
      ),
    ).toContain("monthlyFeeCents");
    expect(
      Object.keys(
        await fieldErrorsOf(
          admin.admin.tariffs.create({
            ...TARIFF,
            code: "FRAC",
            monthlyFeeCents: 100.5,
            idempotencyKey: newIdempotencyKey("test"),
          }),
        ),
      ),
    ).toContain("monthlyFeeCents");
    expect(
      Object.keys(
        await fieldErrorsOf(
          admin.admin.tariffs.create({
            ...TARIFF,
            code: "HOME",
            kind: "HOME_INTERNET",
            idempotencyKey: newIdempotencyKey("test"),
          }),
        ),
      ),
    ).toContain("minutes");
    expect(
      Object.keys(
        await fieldErrorsOf(
          admin.admin.tariffs.create({
            ...TARIFF,
            code: "DUP",
            openToSegments: ["GOLD", "GOLD"],
            idempotencyKey: newIdempotencyKey("test"),
          }),
        ),
      ),
    ).toContain("openToSegments");
    expect(await testDb().tariff.count({ where: { code: { in: ["NEG", "FRAC", "HOME", "DUP"] } } })).toBe(0);
  });

  it("edits a tariff with the changed fields audited; saving the same again changes nothing", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const tariff = await admin.admin.tariffs.create({
      ...TARIFF,
      code: "EDITME",
      idempotencyKey: newIdempotencyKey("test"),
    });
    const updated = await admin.admin.tariffs.update({ id: tariff.id, monthlyFeeCents: 45_000, openToSegments: [] });
    expect(updated).toMatchObject({ monthlyFeeCents: 45_000, openToSegments: [] });
    await admin.admin.tariffs.update({ id: tariff.id, monthlyFeeCents: 45_000 });
    const audits = await db.auditLog.findMany({ where: { action: "tariff.update", entityId: tariff.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.before).toEqual({ monthlyFeeCents: 39_000, openToSegments: ["BRONZE", "SILVER"] });
    expect(audits[0]!.after).toEqual({ monthlyFeeCents: 45_000, openToSegments: [] });
    await expect(admin.admin.tariffs.update({ id: "no-such-tariff", monthlyFeeCents: 1 })).toHaveTRPCCode("NOT_FOUND");
  });

  it("a tariff in use is retired, never deleted: lines keep it, new customers cannot get it", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const inUse = await db.tariff.findFirstOrThrow({
      where: { status: "ACTIVE", lines: { some: { status: "ACTIVE" } } },
    });
    const lines = await db.line.count({ where: { tariffId: inUse.id } });

    await expect(
      admin.admin.tariffs.delete({ id: inUse.id, idempotencyKey: newIdempotencyKey("test") }),
    ).toHaveTRPCCode("CONFLICT");
    expect(await db.tariff.findUnique({ where: { id: inUse.id } })).not.toBeNull();

    const retired = await admin.admin.tariffs.retire({ id: inUse.id });
    expect(retired.status).toBe("RETIRED");
    await admin.admin.tariffs.retire({ id: inUse.id });
    expect(await db.auditLog.count({ where: { action: "tariff.retire", entityId: inUse.id } })).toBe(1);
    expect(await db.line.count({ where: { tariffId: inUse.id } })).toBe(lines);
    const dealer = await callerAs(DEMO.dealer1);
    expect((await dealer.tariff.list()).items.map((tariff) => tariff.id)).not.toContain(inUse.id);

    expect((await admin.admin.tariffs.reactivate({ id: inUse.id })).status).toBe("ACTIVE");
    expect((await dealer.tariff.list()).items.map((tariff) => tariff.id)).toContain(inUse.id);
  });

  it("deletes a tariff nobody ever used; a retry answers the same", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const mistake = await admin.admin.tariffs.create({
      ...TARIFF,
      code: "MISTAKE",
      idempotencyKey: newIdempotencyKey("test"),
    });
    const idempotencyKey = newIdempotencyKey("test");
    expect(await admin.admin.tariffs.delete({ id: mistake.id, idempotencyKey })).toEqual({
      id: mistake.id,
      deleted: true,
    });
    expect(await admin.admin.tariffs.delete({ id: mistake.id, idempotencyKey })).toEqual({
      id: mistake.id,
      deleted: true,
    });
    expect(await db.tariff.findUnique({ where: { id: mistake.id } })).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "tariff.delete", entityId: mistake.id } });
    expect(audit.before).toMatchObject({ code: "MISTAKE" });
    await expect(
      admin.admin.tariffs.delete({ id: mistake.id, idempotencyKey: newIdempotencyKey("test") }),
    ).toHaveTRPCCode("NOT_FOUND");
  });
});

const ARTICLE = {
  title: "Как подключить eSIM",
  summary: "eSIM подключается за пять минут в приложении.",
  body: "Откройте раздел «Номера», выберите номер и нажмите «Перейти на eSIM». **Важно:** телефон должен поддерживать eSIM.\n\n- Сканируйте QR-код\n- Дождитесь активации",
  categories: ["SIM_REPLACEMENT" as const],
  published: true,
};

describe("admin.knowledge", () => {
  it("creates an article in Russian and English under one slug, found by subscribers' search", async () => {
    const admin = await callerAs(DEMO.admin);
    const idempotencyKey = newIdempotencyKey("test");
    const ru = await admin.admin.knowledge.create({ ...ARTICLE, slug: "esim-setup", locale: "ru", idempotencyKey });
    expect(
      (await admin.admin.knowledge.create({ ...ARTICLE, slug: "esim-setup", locale: "ru", idempotencyKey })).id,
    ).toBe(ru.id);
    await admin.admin.knowledge.create({
      ...ARTICLE,
      title: "How to set up eSIM",
      summary: "Five minutes in the app.",
      body: "Open Numbers, pick the number and tap Switch to eSIM. Your phone must support eSIM.",
      slug: "esim-setup",
      locale: "en",
      idempotencyKey: newIdempotencyKey("test"),
    });
    await expect(
      admin.admin.knowledge.create({
        ...ARTICLE,
        slug: "esim-setup",
        locale: "ru",
        idempotencyKey: newIdempotencyKey("test"),
      }),
    ).toHaveTRPCCode("CONFLICT");

    const topic = await admin.admin.knowledge.bySlug({ slug: "esim-setup" });
    expect(topic.ru?.title).toBe("Как подключить eSIM");
    expect(topic.en?.title).toBe("How to set up eSIM");
    const listed = await admin.admin.knowledge.list({ query: "esim" });
    expect(listed.items.map((item) => item.slug)).toContain("esim-setup");
    expect(
      listed.items.every((item) => item.slug.includes("esim") || /esim/i.test(`${item.ru?.title} ${item.en?.title}`)),
    ).toBe(true);

    const subscriber = await callerAs(DEMO.bronze);
    const hits = await subscriber.knowledge.search({ query: "eSIM подключить", locale: "ru" });
    expect(hits.map((hit) => hit.slug)).toContain("esim-setup");

    // Unpublished, it disappears from the subscribers' search; the change is audited.
    await admin.admin.knowledge.setPublished({ id: ru.id, published: false });
    expect(
      (await subscriber.knowledge.search({ query: "eSIM подключить", locale: "ru" })).map((hit) => hit.slug),
    ).not.toContain("esim-setup");
    expect(await testDb().auditLog.count({ where: { action: "article.unpublish", entityId: ru.id } })).toBe(1);
  });

  it("edits an article, audited with what changed; refuses bad fields by name", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const article = await admin.admin.knowledge.create({
      ...ARTICLE,
      slug: "esim-edit",
      locale: "ru",
      idempotencyKey: newIdempotencyKey("test"),
    });
    await admin.admin.knowledge.update({ id: article.id, title: "Подключение eSIM за пять минут" });
    await admin.admin.knowledge.update({ id: article.id, title: "Подключение eSIM за пять минут" });
    const audits = await db.auditLog.findMany({ where: { action: "article.update", entityId: article.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toEqual({ title: "Подключение eSIM за пять минут" });
    expect(Object.keys(await fieldErrorsOf(admin.admin.knowledge.update({ id: article.id, body: "short" })))).toContain(
      "body",
    );
    expect(
      Object.keys(await fieldErrorsOf(admin.admin.knowledge.update({ id: article.id, categories: [] }))),
    ).toContain("categories");
    expect(
      Object.keys(
        await fieldErrorsOf(
          admin.admin.knowledge.create({
            ...ARTICLE,
            slug: "Bad Slug!",
            locale: "ru",
            idempotencyKey: newIdempotencyKey("test"),
          }),
        ),
      ),
    ).toContain("slug");
    await expect(admin.admin.knowledge.update({ id: "no-such-article", title: "Неважно какой" })).toHaveTRPCCode(
      "NOT_FOUND",
    );
  });

  it("drafts an article from a resolved request, not from an open one", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const resolved = await db.serviceRequest.findFirstOrThrow({
      where: {
        status: { in: ["RESOLVED", "CLOSED"] },
        deflected: false,
        messages: { some: { authorKind: "AGENT", internal: false } },
      },
    });
    const internal = await db.requestMessage.findFirst({ where: { requestId: resolved.id, internal: true } });
    const draft = await admin.admin.knowledge.draftFromRequest({ requestNumber: resolved.number });
    expect(draft).toMatchObject({ requestId: resolved.id, title: resolved.subject, categories: [resolved.category] });
    expect(draft.body.length).toBeGreaterThan(0);
    // Agents' internal notes never make it into an article.
    if (internal) expect(draft.body).not.toContain(internal.body);

    const open = await db.serviceRequest.findFirstOrThrow({ where: { status: { in: ["QUEUED", "IN_PROGRESS"] } } });
    expect(
      Object.keys(await fieldErrorsOf(admin.admin.knowledge.draftFromRequest({ requestNumber: open.number }))),
    ).toContain("requestNumber");
    await expect(admin.admin.knowledge.draftFromRequest({ requestNumber: 2_000_000_000 })).toHaveTRPCCode("NOT_FOUND");

    const article = await admin.admin.knowledge.create({
      ...ARTICLE,
      slug: "from-request",
      locale: "ru",
      fromRequestId: resolved.id,
      idempotencyKey: newIdempotencyKey("test"),
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "article.create", entityId: article.id } });
    expect(audit.after).toMatchObject({ fromRequestId: resolved.id });
  });

  it("shows which articles solve requests and which are read before an escalation anyway", async () => {
    const db = testDb();
    const admin = await callerAs(DEMO.admin);
    const article = await admin.admin.knowledge.create({
      ...ARTICLE,
      slug: "esim-effect",
      locale: "ru",
      idempotencyKey: newIdempotencyKey("test"),
    });
    const user = await db.user.findUniqueOrThrow({ where: { phone: DEMO.bronze } });
    const now = Date.now();
    const base = {
      customerId: user.customerId!,
      createdById: user.id,
      category: "SIM_REPLACEMENT" as const,
      subject: "eSIM",
      description: "Как перейти на eSIM?",
      channel: "WEB" as const,
      decision: "SELF_SERVICE" as const,
      priority: 3,
      routingReasons: [],
      segmentAtCreation: "BRONZE" as const,
    };
    const read = async (requestId: string, minutesAgo: number) =>
      db.articleView.create({
        data: {
          articleId: article.id,
          customerId: user.customerId,
          requestId,
          at: new Date(now - minutesAgo * 60_000),
        },
      });
    // Two solved after reading, one escalated after reading, one read but still open.
    for (let i = 0; i < 2; i++) {
      const solved = await db.serviceRequest.create({
        data: {
          ...base,
          status: "RESOLVED",
          deflected: true,
          resolvedAt: new Date(now - 10 * 60_000),
          idempotencyKey: newIdempotencyKey("test"),
        },
      });
      await read(solved.id, 30);
    }
    const escalated = await db.serviceRequest.create({
      data: {
        ...base,
        status: "QUEUED",
        escalatedAt: new Date(now - 5 * 60_000),
        idempotencyKey: newIdempotencyKey("test"),
      },
    });
    await read(escalated.id, 20);
    await read(escalated.id, 15);
    const open = await db.serviceRequest.create({
      data: { ...base, status: "SELF_SERVICE", idempotencyKey: newIdempotencyKey("test") },
    });
    await read(open.id, 1);

    const effectiveness = await admin.admin.knowledge.effectiveness({ days: 30 });
    expect(effectiveness.items.find((item) => item.id === article.id)).toMatchObject({
      readForRequests: 4,
      solvedAfterReading: 2,
      escalatedAfterReading: 1,
      solvedShare: 0.6667,
    });
  });

  it("is for supervisors only", async () => {
    for (const who of [DEMO.bronze, DEMO.dealer2, DEMO.agent2]) {
      const caller = await callerAs(who);
      await expect(
        caller.admin.knowledge.create({
          ...ARTICLE,
          slug: "walls",
          locale: "ru",
          idempotencyKey: newIdempotencyKey("test"),
        }),
      ).toHaveTRPCCode("FORBIDDEN");
      await expect(
        caller.admin.tariffs.create({ ...TARIFF, code: "WALLS", idempotencyKey: newIdempotencyKey("test") }),
      ).toHaveTRPCCode("FORBIDDEN");
    }
    expect(await testDb().tariff.count({ where: { code: "WALLS" } })).toBe(0);
  });
});
