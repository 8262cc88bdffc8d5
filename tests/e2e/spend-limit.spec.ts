import { expect, test } from "@playwright/test";
import { clearRecentExtrasOf, findQuietSubscriberPhone, setLocaleOf } from "./database";
import { openCustomer360AsAgent, signInWithForm } from "./helpers";

// Stopping a bill shock on a phone: the subscriber caps extras at 350 ₽, buys a 299 ₽ roaming pass
// (85% of the cap), sees the 80% alert on the dashboard, and a second pass is refused with what is left.
test.describe("spending limit on a phone", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("set a limit, buy a pass past 80%, see the alert and a refusal over the cap (in Russian)", async ({ page }) => {
    const phone = await findQuietSubscriberPhone(47);
    await setLocaleOf(phone, "ru");
    await clearRecentExtrasOf(phone);
    await signInWithForm(page, phone);
    await expect(page).toHaveURL(/\/dashboard$/);

    const first = page
      .locator("article")
      .filter({ has: page.getByRole("button", { name: "Задать лимит" }) })
      .first();
    // Pinned by its number: the card keeps matching once its button turns into the form.
    const heading = await first.getByRole("heading", { level: 3 }).textContent();
    const card = page.locator("article").filter({ has: page.getByRole("heading", { name: heading! }) });
    const spend = card.getByTestId("spend-limit");
    await spend.getByRole("button", { name: "Задать лимит" }).click();
    await spend.getByLabel("Лимит в месяц, ₽").fill("350,50");
    await spend.getByRole("button", { name: "Сохранить" }).click();
    await expect(spend.getByRole("alert")).toHaveText("Только целые рубли, без копеек.");
    await spend.getByLabel("Лимит в месяц, ₽").fill("350");
    await spend.getByRole("button", { name: "Сохранить" }).click();
    await expect(spend.getByText(/Дополнительно в этом месяце: 0,00\s₽ из 350,00\s₽/)).toBeVisible();
    await expect(spend.getByTestId("spend-alert")).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const buyPass = async () => {
      await card.getByRole("link", { name: "Пакеты и роуминг" }).click();
      await expect(page).toHaveURL(/\/addons\?line=/);
      await page.getByLabel("Страна").fill("Турция");
      const pass = page.getByTestId("roaming-result").getByRole("article", { name: "Роуминг: СНГ и Турция, 1 день" });
      await pass.getByRole("button", { name: "Купить" }).click();
      const dialog = page.getByRole("dialog", { name: "Купить «Роуминг: СНГ и Турция, 1 день»" });
      await dialog.getByRole("button", { name: /^Купить за/ }).click();
      return dialog;
    };

    await buyPass();
    await expect(
      page.getByRole("status").filter({ hasText: "«Роуминг: СНГ и Турция, 1 день» подключён до" }),
    ).toBeVisible();
    await page.goto("/dashboard");
    await expect(spend.getByText(/Дополнительно в этом месяце: 299,00\s₽ из 350,00\s₽/)).toBeVisible();
    await expect(spend.getByTestId("spend-alert")).toHaveText("Вы израсходовали 80% лимита расходов в этом месяце.");
    await expect(spend.getByRole("meter")).toHaveAttribute("aria-valuenow", "85");

    // A second pass would pass the cap: refused, saying what is left.
    const refused = await buyPass();
    await expect(refused.getByRole("alert")).toContainText(/осталось 51,00 RUB/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});

// On the phone with a customer worried about roaming bills: the agent caps the line's extras from
// the customer 360 view, and the customer sees the cap on their own dashboard.
test("an agent sets a line's spending limit from the customer 360; the subscriber's dashboard shows it (in English)", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const phone = await findQuietSubscriberPhone(59);
  await setLocaleOf(phone, "en");
  await clearRecentExtrasOf(phone);
  await openCustomer360AsAgent(page, phone);

  const capButton = page.getByRole("button", { name: /^Spending limit: / }).first();
  const label = (await capButton.getAttribute("aria-label"))!.replace("Spending limit: ", "");
  await capButton.click();
  const dialog = page.getByRole("dialog", { name: `Spending limit for ${label}` });
  await expect(dialog.getByText("No limit on extras now.")).toBeVisible();
  await dialog.getByLabel("Monthly limit, ₽").fill("500");
  await dialog.getByRole("button", { name: "Save limit" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: `Spending limit: ${label}` })).toContainText(/Spending limit .*500/);

  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const subscriber = await context.newPage();
  await signInWithForm(subscriber, phone);
  await expect(subscriber).toHaveURL(/\/dashboard$/);
  const spend = subscriber.locator("article").filter({ hasText: label }).getByTestId("spend-limit");
  await expect(spend).toContainText(/Extras this month: .+ of .*500/);
  await context.close();
});
