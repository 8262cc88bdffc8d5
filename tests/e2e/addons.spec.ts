import { expect, test } from "@playwright/test";
import { E2E_USAGE_TOKEN } from "../../playwright.config";
import { findQuietSubscriberPhone } from "./database";
import { FIRST, signInWithForm } from "./helpers";

// Before a trip, on a phone: pick the country, see its zone, prices and passes, buy a pass with a
// preview, and find it among the active add-ons and on the dashboard.
test.describe("add-ons and roaming on a phone", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("a subscriber buys a roaming pass for Turkey and sees it active and on the dashboard", async ({
    page,
    context,
  }) => {
    await signInWithForm(page, "+79001000003");
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole("link", { name: "Пакеты и роуминг" }).first().click();
    await expect(page).toHaveURL(/\/addons\?line=/);
    await expect(page.getByRole("heading", { level: 1, name: "Пакеты и роуминг" })).toBeVisible();

    await page.getByLabel("Страна").fill("Турция");
    const result = page.getByTestId("roaming-result");
    await expect(result.getByText("Зона: СНГ и Турция")).toBeVisible();
    await expect(result.getByText("Звонки, за минуту")).toBeVisible();
    const pass = result.getByRole("article", { name: "Роуминг: СНГ и Турция, 7 дней" });
    await pass.getByRole("button", { name: "Купить" }).click();

    const dialog = page.getByRole("dialog", { name: "Купить «Роуминг: СНГ и Турция, 7 дней»" });
    const preview = dialog.getByTestId("addon-preview");
    await expect(preview).toContainText("899,00");
    await expect(preview).toContainText("5 ГБ · 100 мин");
    await expect(preview).toContainText("Разовый");
    await dialog.getByRole("button", { name: /^Купить за/ }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "«Роуминг: СНГ и Турция, 7 дней» подключён до" }),
    ).toBeVisible();
    const active = page.getByTestId("active-addons").getByRole("listitem", { name: "Роуминг: СНГ и Турция, 7 дней" });
    await expect(active).toBeVisible();
    await expect(active.getByText("Разовый, не продлевается")).toBeVisible();

    // Nothing spills sideways on a 360 px screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    await page.goto("/dashboard");
    await expect(page.getByTestId("line-addons").getByText(/Роуминг: СНГ и Турция, 7 дней, до/)).toBeVisible();

    // The network reports data used in Turkey: the pass covers it, and its bar shows it used.
    const usage = await page.request.post("/api/usage", {
      headers: { Authorization: `Bearer ${E2E_USAGE_TOKEN}` },
      data: {
        records: [
          {
            id: `e2e-tr-${Date.now()}`,
            msisdn: "+79001000003",
            kind: "DATA",
            amount: 300,
            at: new Date().toISOString(),
            roamingCountry: "TR",
          },
        ],
      },
    });
    expect(await usage.json()).toMatchObject({ accepted: 1 });
    await page.reload();
    await expect(page.getByRole("progressbar", { name: /Роуминг: СНГ и Турция, 7 дней, до/ }).first()).toHaveAttribute(
      "aria-valuenow",
      "300",
    );

    // English labels, once.
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: FIRST }]);
    await page.goto("/addons");
    await expect(page.getByRole("heading", { level: 1, name: "Add-ons and roaming" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Travelling to…" })).toBeVisible();
    await expect(
      page.getByTestId("active-addons").getByRole("listitem", { name: "Roaming: CIS and Turkey, 7 days" }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Data packs" })).toBeVisible();
  });
});

// The supervisor manages add-ons like tariffs: a new data pack goes on sale, a subscriber can buy
// it, and once retired it is offered no more.
test("a supervisor puts a data pack on sale, a subscriber is offered it, and not once it is retired (in Russian)", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const suffix = String(Date.now() % 100_000_000);
  const name = `Пакет 3 ГБ ${suffix}`;
  await signInWithForm(page, "admin@selfcare.test");
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("link", { name: "Опции" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Каталог опций" })).toBeVisible();
  await page.getByRole("button", { name: "Новая опция" }).click();
  await page.getByLabel("Идентификатор").fill(`add_e2e_${suffix}`);
  await page.getByLabel("Название (русское)").fill(name);
  await page.getByLabel("Название (английское)").fill(`Data 3 GB ${suffix}`);
  await page.getByLabel("Интернет, ГБ").fill("3");
  // No price yet: the form says what is wrong and sends nothing.
  await page.getByRole("button", { name: "Добавить в каталог" }).click();
  await expect(page.getByText("Введите сумму в рублях, например 1500 или 1500,50")).toBeVisible();
  await page.getByLabel("Цена").fill("149");
  await page.getByRole("button", { name: "Добавить в каталог" }).click();
  await expect(page.getByText(`«${name}» в каталоге.`)).toBeVisible();
  const card = page.getByRole("article", { name });
  await expect(card).toContainText("В продаже");
  await expect(card).toContainText("3 ГБ");

  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const subscriber = await context.newPage();
  await signInWithForm(subscriber, await findQuietSubscriberPhone(62));
  await expect(subscriber).toHaveURL(/\/dashboard$/);
  await subscriber.goto("/addons");
  await expect(subscriber.getByRole("article", { name })).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await card.getByRole("button", { name: `Снять с продажи «${name}»` }).click();
  await expect(page.getByText(`«${name}» снята с продажи.`)).toBeVisible();
  await expect(card).toContainText("Снята с продажи");
  await subscriber.reload();
  await expect(subscriber.getByRole("heading", { level: 1, name: "Пакеты и роуминг" })).toBeVisible();
  await expect(subscriber.getByRole("article", { name })).toBeHidden();
  await context.close();
});
