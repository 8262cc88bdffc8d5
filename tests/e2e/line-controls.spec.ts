import { expect, test, type Page } from "@playwright/test";
import { findQuietSubscriberPhone, readCodeFromOutbox, setLocaleOf } from "./database";
import { signInWithForm } from "./helpers";

// Lost or stolen: a subscriber on a phone blocks the SIM, sees it in progress and then blocked
// (the simulated network answers in about 200 ms through the provisioning job), and unblocks it
// with the code the SMS brings.
test.describe("line controls on a phone", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  async function firstMobileLine(page: Page, blockLabel: string) {
    await expect(page).toHaveURL(/\/dashboard$/);
    return page
      .locator("article")
      .filter({ has: page.getByRole("button", { name: blockLabel }) })
      .first();
  }

  test("block a SIM, see it blocked, unblock it with the code from the SMS (in Russian)", async ({ page }) => {
    const phone = await findQuietSubscriberPhone(30);
    await setLocaleOf(phone, "ru");
    await signInWithForm(page, phone);
    const line = await firstMobileLine(page, "Потеряли телефон? Заблокировать SIM");
    const heading = await line.getByRole("heading", { level: 3 }).textContent();
    const card = page.locator("article").filter({ has: page.getByRole("heading", { name: heading! }) });

    await card.getByRole("button", { name: "Потеряли телефон? Заблокировать SIM" }).click();
    const dialog = card.getByRole("dialog", { name: "Заблокировать SIM-карту?" });
    await dialog.getByLabel("Причина").selectOption("STOLEN");
    await dialog.getByRole("button", { name: "Заблокировать SIM" }).click();
    await expect(card.getByText("Заблокирован", { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(card.getByRole("button", { name: "Разблокировать SIM" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await card.getByRole("button", { name: "Разблокировать SIM" }).click();
    const unblock = card.getByRole("dialog", { name: "Разблокировать SIM-карту" });
    await unblock.getByRole("button", { name: "Отправить код" }).click();
    const code = await readCodeFromOutbox(phone);
    await unblock.getByLabel("Код из SMS").fill(code);
    await unblock.getByRole("button", { name: "Разблокировать", exact: true }).click();
    await expect(card.getByText("Активен", { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(card.getByRole("button", { name: "Потеряли телефон? Заблокировать SIM" })).toBeVisible();
  });

  test("the controls in English", async ({ page }) => {
    const phone = await findQuietSubscriberPhone(31);
    await setLocaleOf(phone, "en");
    await signInWithForm(page, phone);
    const line = await firstMobileLine(page, "Lost or stolen? Block SIM");
    await line.getByRole("button", { name: "Suspend line" }).click();
    const dialog = line.getByRole("dialog", { name: "Suspend the line" });
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel("Back on").fill(until);
    await expect(dialog.getByText(/7 days, fee .*Days left this year: \d+\./)).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await line.getByRole("button", { name: "Lost or stolen? Block SIM" }).click();
    await expect(line.getByRole("dialog", { name: "Block this SIM?" })).toBeVisible();
  });
});
