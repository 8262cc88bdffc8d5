import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { apiSignIn, FIRST, signInWithForm, trpcMutation, trpcQuery } from "./helpers";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";

type Policy = {
  version: number;
  config: { selfServiceCategories: Record<string, string[]> } & Record<string, unknown>;
};

async function signedIn(identifier: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: FIRST });
  expect((await apiSignIn(context, FIRST, identifier)).ok).toBe(true);
  return context;
}

test.describe("supervisor: routing policy", () => {
  let admin: APIRequestContext;
  let original: Policy;

  test.beforeAll(async () => {
    admin = await signedIn("admin@selfcare.test");
    original = (await trpcQuery(admin, FIRST, "admin.policy.get")).body.result.data.json as Policy;
  });

  test.afterAll(async () => {
    // Put the policy back as it was (as a new version), so other journeys meet the usual routing.
    const current = (await trpcQuery(admin, FIRST, "admin.policy.get")).body.result.data.json as Policy;
    if (current.version !== original.version) {
      await trpcMutation(admin, FIRST, "admin.policy.save", {
        config: original.config,
        baseVersion: current.version,
        note: "e2e: restore",
        idempotencyKey: newIdempotencyKey("e2e-restore"),
      });
    }
    await admin.dispose();
  });

  test("takes SILVER roaming out of self-service, sees the what-if, saves; the next SILVER request goes to an agent", async ({
    page,
  }) => {
    // The seeded policy serves SILVER roaming in self-service first.
    expect(original.config.selfServiceCategories.SILVER).toContain("ROAMING");
    await signInWithForm(page, "admin@selfcare.test");
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Здравствуйте");
    await expect(page.getByTestId("kpi-contacts-value")).toHaveText(/\d/);

    await page.getByRole("link", { name: "Маршрутизация" }).first().click();
    await expect(page.getByRole("heading", { name: "Политика маршрутизации", level: 1 })).toBeVisible();
    const save = page.getByRole("button", { name: `Сохранить как версию ${original.version + 1}` });
    await expect(save).toBeDisabled();

    await page.getByRole("checkbox", { name: "Silver: Роуминг в самообслуживании" }).uncheck();
    // Saving needs a preview of this exact draft first.
    await expect(page.getByText("Перед сохранением посмотрите эффект этого черновика.")).toBeVisible();
    await expect(save).toBeDisabled();

    await page.getByRole("button", { name: "Посмотреть эффект" }).click();
    const summary = page.getByTestId("what-if-summary");
    await expect(summary).toContainText("Заново маршрутизировано обращений за последние 30 дней");
    await expect(page.getByTestId("what-if-selfServiceShare")).toBeVisible();
    // SILVER roaming moves from self-service to agents: SILVER's agent load can only grow.
    const [before, after] = ((await page.getByTestId("what-if-load-SILVER").textContent()) ?? "")
      .match(/(\d+) → (\d+)/)!
      .slice(1)
      .map(Number);
    expect(after).toBeGreaterThanOrEqual(before!);
    const changedText = (await summary.textContent()) ?? "";
    expect(changedText).toMatch(/версии \d+/);

    await page.getByLabel("Что изменено и почему").fill("SILVER: роуминг — к операторам");
    await expect(save).toBeEnabled();
    await save.click();
    await expect(
      page.getByRole("status").filter({ hasText: `Версия ${original.version + 1} сохранена` }),
    ).toBeVisible();
    await expect(page.getByText(`Действует версия ${original.version + 1}`)).toBeVisible();

    // The next request from the demo SILVER subscriber, through the public API, is routed by the new version.
    const silver = await signedIn("+79001000003");
    const created = await trpcMutation(silver, FIRST, "request.create", {
      category: "ROAMING",
      subject: "Роуминг в Турции",
      description: "Еду в Турцию на неделю, как подключить роуминг и сколько это стоит?",
      idempotencyKey: newIdempotencyKey("e2e-admin-roaming"),
    });
    expect(created.status).toBe(200);
    const routing = created.body.result.data.json.routing as { decision: string; reasonCodes: string[] };
    expect(routing.decision).toBe("AGENT_QUEUE");
    expect(routing.reasonCodes).toContain("NEEDS_PERSON_CATEGORY");
    await silver.dispose();

    // The version is in the history and the audit log.
    await page.getByRole("button", { name: new RegExp(`Версия ${original.version + 1}`) }).click();
    await expect(page.getByText("Самообслуживание · SILVER")).toBeVisible();
    await page.goto("/admin/audit?entityType=RoutingPolicy");
    await expect(page.getByText("routingPolicy.save · RoutingPolicy").first()).toBeVisible();
  });

  test("a subscriber, a dealer and an agent are kept out of the supervisor's pages and API", async ({ page }) => {
    for (const identifier of ["+79001000003", "dealer1@selfcare.test", "agent1@selfcare.test"]) {
      const context = await signedIn(identifier);
      const answer = await trpcQuery(context, FIRST, "admin.reports.overview", {
        from: "2026-01-01",
        to: "2026-01-31",
      });
      expect(answer.status).toBe(403);
      await context.dispose();
    }
    await signInWithForm(page, "agent1@selfcare.test");
    await expect(page).toHaveURL(/\/agent/);
    await page.goto("/admin/routing");
    await expect(page.getByRole("heading", { name: "Политика маршрутизации" })).toHaveCount(0);
  });
});

test.describe("supervisor: reports", () => {
  test("shows the last six months with charts, changes the period and downloads the CSV", async ({ page }) => {
    await signInWithForm(page, "admin@selfcare.test");
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/admin/reports");
    await expect(page.getByRole("button", { name: "6 месяцев", pressed: true })).toBeVisible();
    const contacts = Number((await page.getByTestId("report-contacts-value").textContent())?.replace(/\D/g, ""));
    expect(contacts).toBeGreaterThanOrEqual(100);
    await expect(page.getByTestId("report-self-service-value")).toHaveText(/\d+(,\d)?\s?%/);
    await expect(page.getByTestId("report-costSavings")).toHaveText(/₽/);
    await expect(page.locator(".recharts-surface").first()).toBeVisible();

    await page.getByRole("button", { name: "30 дней" }).click();
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByRole("heading", { name: /за период/ })).toBeVisible();
    const monthContacts = Number((await page.getByTestId("report-contacts-value").textContent())?.replace(/\D/g, ""));
    expect(monthContacts).toBeLessThanOrEqual(contacts);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Скачать CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^selfcare-report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await (await import("node:fs/promises")).readFile((await file.path())!, "utf8");
    // Other tests record contacts meanwhile: the file's total lies between the page's figure read
    // before the download and the one read again after it.
    await page.reload();
    const after = Number((await page.getByTestId("report-contacts-value").textContent())?.replace(/\D/g, ""));
    const inFile = Number(/^contacts\.total,"Обращения, всего",(\d+)$/m.exec(text)?.[1]);
    expect(inFile).toBeGreaterThanOrEqual(monthContacts);
    expect(inFile).toBeLessThanOrEqual(after);
  });
});

test.describe("supervisor: credit policy", () => {
  test("refuses a bad value with the field's message, saves a change that a reload keeps, and tells a stale tab it is out of date", async ({
    page,
  }) => {
    await signInWithForm(page, "admin@selfcare.test");
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/admin/credit");
    await expect(page.getByRole("heading", { name: "Кредитная политика", level: 1 })).toBeVisible();
    const accounts = page.getByLabel("Открытых счетов на паспорт");
    await expect(accounts).toHaveValue(/^\d+$/);
    const original = Number(await accounts.inputValue());
    expect(original).toBeGreaterThanOrEqual(1);

    // A second tab opens the same version before the first one saves.
    const staleTab = await page.context().newPage();
    await staleTab.goto("/admin/credit");
    await expect(staleTab.getByLabel("Открытых счетов на паспорт")).toHaveValue(String(original));

    await accounts.fill("0");
    await expect(page.getByText("Слишком маленькое значение")).toBeVisible();
    await expect(accounts).toHaveAttribute("aria-invalid", "true");

    // Loosening by one account changes no refusal another journey relies on.
    await accounts.fill(String(original + 1));
    await page.getByRole("button", { name: "Сохранить политику" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Сохранено." })).toBeVisible();
    await expect(page.getByText(/Действует с .*, сохранил\(а\)/)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Открытых счетов на паспорт")).toHaveValue(String(original + 1));

    const staleAccounts = staleTab.getByLabel("Открытых счетов на паспорт");
    await staleAccounts.fill(String(original + 2));
    await staleTab.getByRole("button", { name: "Сохранить политику" }).click();
    await expect(
      staleTab.getByRole("alert").filter({ hasText: "Кто-то изменил это одновременно с вами" }),
    ).toBeVisible();
    await staleTab.close();

    // Back as it was.
    await page.getByLabel("Открытых счетов на паспорт").fill(String(original));
    await page.getByRole("button", { name: "Сохранить политику" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Сохранено." })).toBeVisible();
  });
});
