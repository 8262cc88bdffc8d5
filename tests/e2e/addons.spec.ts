import { expect, test } from "@playwright/test";
import { E2E_USAGE_TOKEN } from "../../playwright.config";
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
