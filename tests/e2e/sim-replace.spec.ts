import { expect, test, type Page } from "@playwright/test";
import { formatPhone } from "../../app/_lib/format";
import { newIccid } from "../../server/domain/sim/iccid";
import { findQuietSubscriberPhone, lineMsisdn, passportEndOf, setLocaleOf } from "./database";
import { signInWithForm } from "./helpers";

// A lost phone, a new phone that takes eSIM: from the dashboard the subscriber orders an eSIM,
// sees its QR code once, and after the simulated network switches the number (about 200 ms through
// the provisioning job) sees the new SIM active; the code is never shown again.
/** The number of the line the /sim page is about (its lineId in the address). */
async function lineNumberOf(page: Page): Promise<string> {
  const lineId = new URL(page.url()).searchParams.get("lineId")!;
  return lineMsisdn(lineId);
}

test.describe("SIM replacement on a phone", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("order an eSIM and see its QR code, once (in English)", async ({ page }) => {
    const phone = await findQuietSubscriberPhone(46);
    await setLocaleOf(phone, "en");
    await signInWithForm(page, phone);
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole("link", { name: "Replace SIM or get eSIM" }).first().click();
    await expect(page).toHaveURL(/\/sim\?lineId=/);
    await expect(page.getByRole("heading", { level: 1, name: "Replace SIM" })).toBeVisible();

    await page.getByRole("radio", { name: /eSIM/ }).check();
    await expect(page.getByText("Your current SIM keeps working until the new one is active")).toBeVisible();
    await expect(page.getByText("Free of charge.")).toBeVisible();
    await page.getByRole("button", { name: "Order a new SIM" }).click();
    await expect(page.getByText("Your eSIM is ready.")).toBeVisible();
    await page.getByRole("button", { name: "Show the QR code" }).click();

    const code = page.getByRole("region", { name: "Scan this code with your phone's camera" });
    await expect(code.getByRole("img", { name: "Scan this code with your phone's camera" })).toBeVisible();
    await expect(code.getByTestId("lpa-code")).toHaveText(/^LPA:1\$smdp\.selfcare\.example\$[A-Z0-9]+(-[A-Z0-9]+)*$/);
    const box = await code.getByRole("img").boundingBox();
    expect(box?.width).toBeGreaterThan(150);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Back on the page: the network has switched the number, and the code is not shown again.
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(/Your new eSIM is active since/)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId("lpa-code")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Show the QR code" })).toHaveCount(0);
  });

  test("a SIM card to pick up: the dealer hands it over and the number moves to it (in Russian)", async ({
    page,
    browser,
  }) => {
    const phone = await findQuietSubscriberPhone(47);
    await setLocaleOf(phone, "ru");
    await signInWithForm(page, phone);
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole("link", { name: "Заменить SIM или получить eSIM" }).first().click();
    await page.getByRole("radio", { name: /^SIM-карта/ }).check();
    await page.getByRole("button", { name: "Заказать новую SIM-карту" }).click();
    const waiting = page.getByText(/Новая SIM-карта ждёт вас в салоне .+\. Возьмите паспорт/);
    await expect(waiting).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The SIM waits at the customer's own dealer (or the oldest one, ТехноСвязь, dealer1's).
    const dealerLogin = (await waiting.textContent())!.includes("ТехноСвязь")
      ? "dealer1@selfcare.test"
      : "dealer2@selfcare.test";
    const dealerContext = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const dealer = await dealerContext.newPage();
    await signInWithForm(dealer, dealerLogin);
    await expect(dealer).toHaveURL(/\/partner$/);
    await dealer.getByRole("link", { name: "SIM-карты к выдаче" }).click();
    await expect(dealer.getByRole("heading", { level: 1, name: "SIM-карты к выдаче" })).toBeVisible();
    const waitingHere = dealer.getByRole("listitem").filter({ hasText: formatPhone(await lineNumberOf(page)) });
    await waitingHere.getByRole("button", { name: "Выдать SIM-карту" }).click();
    const iccid = newIccid(() => String(Date.now()).slice(-13));
    await waitingHere.getByLabel("ICCID SIM-карты").fill("8970 1234");
    await waitingHere.getByLabel("Последние 4 цифры паспорта").fill(await passportEndOf(phone));
    await waitingHere.getByLabel("Я проверил паспорт клиента лично.").check();
    await waitingHere.getByRole("button", { name: "Выдать и активировать" }).click();
    await expect(waitingHere.getByText("Это неверный ICCID: проверьте цифры на карте.")).toBeVisible();
    await waitingHere.getByLabel("ICCID SIM-карты").fill(iccid);
    await waitingHere.getByRole("button", { name: "Выдать и активировать" }).click();
    await expect(dealer.getByText(/^Выдано: номер .+ перейдёт на новую SIM-карту/)).toBeVisible();
    expect(await dealer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await dealerContext.close();

    await expect(async () => {
      await page.reload();
      await expect(page.getByText(/Новая SIM-карта работает с/)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  });

  test("a SIM card ordered by mistake is cancelled before pickup, and a new one can be ordered (in English)", async ({
    page,
  }) => {
    const phone = await findQuietSubscriberPhone(58);
    await setLocaleOf(phone, "en");
    await signInWithForm(page, phone);
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole("link", { name: "Replace SIM or get eSIM" }).first().click();
    await page.getByRole("radio", { name: /^SIM card/ }).check();
    await page.getByRole("button", { name: "Order a new SIM" }).click();
    await expect(page.getByText(/Your new SIM card is waiting for you at/)).toBeVisible();

    await page.getByRole("button", { name: "Cancel this replacement" }).click();
    const confirm = page.getByRole("group", { name: "Cancel the SIM replacement?" });
    await expect(confirm.getByText("your current SIM keeps working")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await confirm.getByRole("button", { name: "Yes, cancel it" }).click();
    await expect(
      page.getByText("Your SIM card replacement was cancelled; your current SIM keeps working."),
    ).toBeVisible();

    await page.getByRole("radio", { name: /^SIM card/ }).check();
    await page.getByRole("button", { name: "Order a new SIM" }).click();
    await expect(page.getByText(/Your new SIM card is waiting for you at/)).toBeVisible();
  });
});
