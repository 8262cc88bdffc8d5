import { expect, test } from "@playwright/test";
import { E2E_INCIDENTS_TOKEN } from "../../playwright.config";
import { findQuietSubscriberPhone, moveLineToCell, notificationTitlesOf, runBillFor, setLocaleOf } from "./database";
import { FIRST, signInWithForm, trpcQuery } from "./helpers";
import { cachedPages, goOffline, goOnline, waitForServiceWorker } from "./pwa-helpers";

// A demo outage from end to end: the network's monitoring declares it, an affected subscriber learns
// of it on the dashboard before writing, asks to be notified, is answered by the outage when they
// try to file "no service", the supervisor resolves it, and the subscriber hears of the repair.
test.describe("a network outage", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  const cell = `E2E-C-OUTAGE-${Date.now()}`;
  const outage = {
    externalId: `e2e-outage-${Date.now()}`,
    services: ["VOICE", "MOBILE_DATA"],
    area: { cells: [cell] },
    startedAt: new Date(Date.now() - 90 * 60_000).toISOString(),
    etaAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    message: { ru: "Авария на базовой станции, бригада уже выехала", en: "A cell site is down, a crew is on its way" },
  };
  let isDeclared = false;

  test.afterAll(async ({ request }) => {
    if (!isDeclared) return;
    await request.post(`${FIRST}/api/incidents`, {
      headers: { authorization: `Bearer ${E2E_INCIDENTS_TOKEN}` },
      data: { ...outage, resolvedAt: new Date().toISOString() },
    });
  });

  test("declared by the monitoring, seen and subscribed to, deflected at intake, resolved by the supervisor", async ({
    page,
    context,
    browser,
    request,
  }) => {
    const phone = await findQuietSubscriberPhone(66);
    await setLocaleOf(phone, "ru");
    await moveLineToCell(phone, cell);

    const refused = await request.post(`${FIRST}/api/incidents`, {
      headers: { authorization: "Bearer wrong-token" },
      data: outage,
    });
    expect(refused.status()).toBe(401);
    const declared = await request.post(`${FIRST}/api/incidents`, {
      headers: { authorization: `Bearer ${E2E_INCIDENTS_TOKEN}` },
      data: outage,
    });
    expect(declared.status()).toBe(201);
    isDeclared = true;
    const incident = (await declared.json()) as { number: number; affectedLines: number };
    expect(incident.affectedLines).toBe(1);

    // The subscriber learns of it before writing.
    await signInWithForm(page, phone);
    await expect(page).toHaveURL(/\/dashboard$/);
    const banner = page.getByTestId("incident-banner");
    await expect(banner.getByRole("heading", { name: "Авария в сети: звонки, мобильный интернет" })).toBeVisible();
    await expect(banner.getByText("Авария на базовой станции, бригада уже выехала")).toBeVisible();
    await expect(banner.getByText("Устраним")).toBeVisible();
    await expect(banner.getByText(/^Состояние на /)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await banner.getByRole("button", { name: "Сообщить мне" }).click();
    await expect(banner.getByText("Мы сообщим вам о новостях и о восстановлении связи.")).toBeVisible();

    // Offline, the installed app shows the status from its cached dashboard, with the time it was read.
    await waitForServiceWorker(page);
    await page.goto(`${FIRST}/dashboard`);
    await expect.poll(async () => (await cachedPages(page))["selfcare-pages-html"] ?? []).toContain("/dashboard");
    await goOffline(context);
    await page.goto(`${FIRST}/dashboard`);
    await expect(page.getByTestId("offline-banner")).toBeVisible();
    await expect(page.getByTestId("incident-banner")).toContainText(outage.message.ru);
    await expect(page.getByTestId("incident-banner").getByText(/^Состояние на \d/)).toBeVisible();
    await goOnline(context);

    // Writing "no service" is answered by the outage: no request, a self-served contact.
    await page.goto(`${FIRST}/requests/new`);
    await page
      .locator("label")
      .filter({ has: page.getByRole("radio", { name: /Совсем нет связи/ }) })
      .click();
    await expect(page.getByRole("heading", { name: "Мы уже знаем об этой аварии" })).toBeVisible();
    await expect(page.getByLabel("Тема")).toHaveCount(0);
    await page.getByRole("button", { name: "Сообщить мне вместо обращения" }).click();
    await expect(page.getByTestId("outage-deflected")).toContainText("Мы вам сообщим");

    // The supervisor resolves it on the incidents page.
    const supervisor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await supervisor.newPage();
    await signInWithForm(admin, "admin@selfcare.test");
    await expect(admin).toHaveURL(/\/admin$/);
    await admin.getByRole("link", { name: "Аварии" }).first().click();
    await expect(admin.getByRole("heading", { name: "Аварии в сети", level: 1 })).toBeVisible();
    const card = admin.getByTestId(`admin-incident-${incident.number}`);
    await expect(card.getByTestId("incident-affectedLines")).toHaveText("1");
    await expect(card.getByTestId("incident-subscribers")).toHaveText("1");
    await card.getByRole("button", { name: "Устранена" }).click();
    await card.getByRole("button", { name: "Да, устранена" }).click();
    await expect(admin.getByText(`Авария №${incident.number} устранена`)).toBeVisible();
    await supervisor.close();

    // The subscriber sees the repair, and was told of it (in the app and by push).
    await page.goto(`${FIRST}/dashboard`);
    await expect(
      page
        .getByTestId("incident-banner")
        .getByRole("heading", { name: "Связь восстановлена: звонки, мобильный интернет" }),
    ).toBeVisible();
    await expect
      .poll(() => notificationTitlesOf(phone, "INCIDENT"), { timeout: 20_000 })
      .toContain("Связь восстановлена: звонки, мобильный интернет");

    // Out of service for 90 minutes, past the hour of the policy: the credit comes without asking,
    // is announced, and is on the next bill.
    await expect
      .poll(() => notificationTitlesOf(phone, "OUTAGE_CREDIT"), { timeout: 30_000 })
      .toEqual([`Компенсация за аварию №${incident.number}`]);
    await runBillFor(phone);
    let billId = "";
    const creditLine = new RegExp(`Компенсация за аварию №${incident.number}: 1 ч 3\\d мин без связи`);
    await expect
      .poll(
        async () => {
          const bills = await trpcQuery(page.request, FIRST, "bill.list", { limit: 1 });
          const newest = bills.body.result?.data.json.items[0] as { id: string } | undefined;
          if (!newest) return "";
          billId = newest.id;
          const bill = await trpcQuery(page.request, FIRST, "bill.byId", { id: newest.id });
          return (bill.body.result?.data.json.lines as { description: string }[])
            .map((line) => line.description)
            .join("\n");
        },
        { timeout: 30_000 },
      )
      .toMatch(creditLine);
    await page.goto(`${FIRST}/bills/${billId}`);
    await expect(page.getByText(creditLine).first()).toBeVisible();
  });
});

// A subscriber who files "no service" anyway during the outage: the request joins the incident
// (written with the other filings of that moment, outage-filing.service.ts) instead of queuing.
test.describe("filing anyway during an outage", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  const cell = `E2E-C-ANYWAY-${Date.now()}`;
  const outage = {
    externalId: `e2e-anyway-${Date.now()}`,
    services: ["VOICE", "MOBILE_DATA"],
    area: { cells: [cell] },
    startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    message: { ru: "Авария на базовой станции", en: "A cell site is down" },
  };

  test.afterAll(async ({ request }) => {
    await request.post(`${FIRST}/api/incidents`, {
      headers: { authorization: `Bearer ${E2E_INCIDENTS_TOKEN}` },
      data: { ...outage, resolvedAt: new Date().toISOString() },
    });
  });

  test("joins the incident and says so, with no agent to wait for", async ({ page, request }) => {
    const phone = await findQuietSubscriberPhone(70);
    await setLocaleOf(phone, "ru");
    await moveLineToCell(phone, cell);
    const declared = await request.post(`${FIRST}/api/incidents`, {
      headers: { authorization: `Bearer ${E2E_INCIDENTS_TOKEN}` },
      data: outage,
    });
    expect(declared.status()).toBe(201);
    const incident = (await declared.json()) as { number: number };

    await signInWithForm(page, phone);
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto(`${FIRST}/requests/new`);
    await page
      .locator("label")
      .filter({ has: page.getByRole("radio", { name: /Совсем нет связи/ }) })
      .click();
    await expect(page.getByRole("heading", { name: "Мы уже знаем об этой аварии" })).toBeVisible();
    await page.getByRole("button", { name: "Всё равно оставить обращение" }).click();
    await page.getByLabel("Тема").fill("Нет связи с утра");
    await page.getByRole("button", { name: "Далее" }).click();
    await page.getByLabel("Что произошло").fill("Телефон не видит сеть, звонки не проходят.");
    await page.getByRole("button", { name: "Отправить заявку" }).click();

    await expect(page).toHaveURL(/\/requests\/(?!new)[^/]+$/);
    await expect(
      page.getByText(`Обращение присоединено к аварии №${incident.number}.`, { exact: false }),
    ).toBeVisible();
    const id = page.url().split("/").pop()!;
    const stored = await trpcQuery(page.request, FIRST, "request.byId", { id });
    expect(stored.body.result?.data.json).toMatchObject({
      status: "SELF_SERVICE",
      routing: { decision: "SELF_SERVICE", reasonCodes: ["OUTAGE_KNOWN"] },
    });
  });
});
