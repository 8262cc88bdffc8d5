import { expect, test } from "@playwright/test";
import { findQuietSubscriberPhone, readCodeFromOutbox } from "./database";
import { apiSignIn, FIRST, trpcQuery } from "./helpers";

test.describe("one-time SMS codes", () => {
  test("a subscriber signs in with a code from the SMS, at 360 px", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const phone = await findQuietSubscriberPhone(0);
    await page.goto("/sign-in");
    // The code comes first on the page, the password second.
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings[0]).toContain("Вход по коду из SMS");
    await page.getByLabel("Номер телефона").fill(phone);
    await page.getByRole("button", { name: "Получить код" }).click();
    await expect(page.getByRole("status").filter({ hasText: "код из 6 цифр" })).toBeVisible();

    // The job delivers it to the development outbox (the demo data has no SMS provider).
    const code = await readCodeFromOutbox(phone);
    await page.getByLabel("Код из SMS").fill(code);
    await page.getByRole("button", { name: "Продолжить" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    const me = await trpcQuery(page.request, FIRST, "me.get");
    expect(me.body.result.data.json.role).toBe("SUBSCRIBER");
    // Nothing on the page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test("a subscriber who forgot the password sets a new one with a code and is signed in", async ({
    page,
    playwright,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const phone = await findQuietSubscriberPhone(1);
    const newPassword = "amber-violin-harbour-9";
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Забыли пароль?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByLabel("Номер телефона").fill(phone);
    await page.getByRole("button", { name: "Получить код" }).click();
    const code = await readCodeFromOutbox(phone);
    await page.getByLabel("Код из SMS").fill(code);
    await page.getByLabel("Новый пароль").fill(newPassword);
    await page.getByRole("button", { name: "Сохранить новый пароль" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);

    // The new password works through the public sign-in contract; the old one does not.
    const api = await playwright.request.newContext();
    expect((await apiSignIn(api, FIRST, phone, newPassword)).ok).toBe(true);
    const another = await playwright.request.newContext();
    expect((await apiSignIn(another, FIRST, phone)).error).toBe("INVALID");
    await api.dispose();
    await another.dispose();
  });
});
