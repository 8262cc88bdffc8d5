import { expect, test } from "@playwright/test";
import { findQuietSubscriber } from "./database";
import { expectSignedOut, FIRST, signInWithForm, trpcQuery } from "./helpers";

/** The other device: a phone's Firefox, so its row is told apart from this browser's. */
const PHONE_USER_AGENT = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0";
const PHONE_DEVICE = "Firefox 133 · Android 14";

test("a subscriber signed in on two devices signs the other one out from the profile, at 360 px, in Russian and English", async ({
  browser,
}) => {
  const { phone } = await findQuietSubscriber();
  const otherContext = await browser.newContext({ locale: "ru-RU", userAgent: PHONE_USER_AGENT });
  const thisContext = await browser.newContext({ locale: "ru-RU", viewport: { width: 360, height: 800 } });
  try {
    const otherPage = await otherContext.newPage();
    await signInWithForm(otherPage, phone);
    await expect(otherPage).toHaveURL(/\/dashboard$/);

    const page = await thisContext.newPage();
    await signInWithForm(page, phone);
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/profile");

    // Russian: both devices, this one marked, the other with its address and when it was last seen.
    await expect(page.getByRole("heading", { name: "Устройства со входом" })).toBeVisible();
    const devices = page.getByTestId("signed-in-device");
    await expect(devices.filter({ hasText: "Это устройство" })).toHaveCount(1);
    const otherRow = devices.filter({ hasText: PHONE_DEVICE });
    // The address the web server worked out reached next-auth's sign-in (not "address unknown").
    await expect(otherRow).toContainText(/Адрес (127\.0\.0\.1|::1)/);
    await expect(otherRow).toContainText("Последняя активность");
    await expect(otherRow.getByRole("button", { name: `Выйти на устройстве ${PHONE_DEVICE}` })).toBeVisible();
    await expect(page.getByRole("button", { name: "Выйти на всех других устройствах" })).toBeVisible();
    // Usable on a small phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // English, and the other device signed out from here.
    await thisContext.addCookies([{ name: "NEXT_LOCALE", value: "en", url: FIRST }]);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Signed-in devices" })).toBeVisible();
    await expect(devices.filter({ hasText: "This device" })).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Sign out everywhere else" })).toBeVisible();
    await devices
      .filter({ hasText: PHONE_DEVICE })
      .getByRole("button", { name: `Sign out ${PHONE_DEVICE}` })
      .click();
    await expect(page.getByRole("status").filter({ hasText: `${PHONE_DEVICE} is signed out.` })).toBeVisible();
    await expect(devices.filter({ hasText: PHONE_DEVICE })).toHaveCount(0);

    // The other device is signed out at its next request; this one is not.
    await otherPage.goto("/profile");
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await expectSignedOut(otherContext.request, FIRST);
    expect((await trpcQuery(thisContext.request, FIRST, "me.get")).status).toBe(200);
  } finally {
    await otherContext.close();
    await thisContext.close();
  }
});
