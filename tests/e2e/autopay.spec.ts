import { expect, test } from "@playwright/test";
import { findQuietSubscriberPhone, issueBillForAutopay } from "./database";
import { apiSignIn, FIRST, openCustomer360AsAgent, signInWithForm, trpcMutation, trpcQuery } from "./helpers";

/**
 * A subscriber on a 360 px phone turns autopay on with a card, a new bill is issued and paid by it
 * without them, and they turn it off again; the English labels once.
 */
test("autopay: turned on with a card, a new bill is paid by it, then turned off", async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 780 });
  const phone = await findQuietSubscriberPhone(22);
  await signInWithForm(page, phone);
  await expect(page).toHaveURL(/\/dashboard/);

  await page.goto("/bills");
  const autopay = page.getByTestId("autopay");
  await expect(autopay.getByRole("heading", { name: "Автоплатёж" })).toBeVisible();
  await expect(page.getByTestId("autopay-state")).toContainText("в день выставления с сохранённой карты");
  // A card the bank refuses is said so, in Russian.
  await autopay.getByLabel("Номер карты").fill("4000 0000 0000 0002");
  await autopay.getByLabel("Срок действия (ММ/ГГ)").fill("12/30");
  await autopay.getByLabel("CVC").fill("123");
  await autopay.getByRole("button", { name: "Включить автоплатёж" }).click();
  await expect(autopay.getByRole("alert")).toHaveText("Банк не разрешил автоплатежи с этой карты. Попробуйте другую.");

  await autopay.getByLabel("Номер карты").fill("4242 4242 4242 4242");
  await autopay.getByRole("button", { name: "Включить автоплатёж" }).click();
  await expect(autopay.getByRole("status")).toHaveText("Автоплатёж включён.");
  await expect(page.getByTestId("autopay-state")).toHaveText(/Включён: .*Visa •4242/);

  // The bill run issues a bill and queues its autopay; the e2e server's job runner pays it.
  const bill = await issueBillForAutopay(phone);
  await expect
    .poll(
      async () => {
        await page.goto(`/bills/${bill.billId}`);
        return page.getByTestId("amount-due").innerText();
      },
      { timeout: 60_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toMatch(/^0,00\s₽$/);
  await expect(page.getByText("Счёт оплачен. Спасибо!")).toBeVisible();

  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: FIRST }]);
  await page.goto("/bills");
  await expect(page.getByTestId("autopay-state")).toHaveText(/On: .*Visa •4242/);
  await autopay.getByRole("button", { name: "Turn off" }).click();
  await expect(autopay.getByRole("status")).toHaveText("Autopay is off.");
  await expect(page.getByTestId("autopay-state")).toContainText("Pay each new bill automatically");
});

/**
 * A caller asks the contact centre to stop autopay: agent2 (English) finds them in Customers, sees
 * autopay on in the 360 view on a 360 px screen, turns it off after the confirmation, and the
 * subscriber's own autopay is off.
 */
test("autopay: an agent turns it off on the customer's behalf from the 360 view", async ({ page, playwright }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 780 });
  const phone = await findQuietSubscriberPhone(63);
  const subscriber = await playwright.request.newContext();
  expect((await apiSignIn(subscriber, FIRST, phone)).ok).toBe(true);
  const enabled = await trpcMutation(subscriber, FIRST, "autopay.enable", { cardToken: "tok_visa" });
  expect(enabled.status).toBe(200);

  await openCustomer360AsAgent(page, phone);

  const card = page.getByTestId("c360-autopay");
  await expect(card.getByRole("heading", { name: "Autopay" })).toBeVisible({ timeout: 20_000 });
  await expect(card.getByTestId("c360-autopay-state")).toHaveText("Autopay from Visa •• 4242");
  await card.getByRole("button", { name: "Turn off autopay" }).click();
  const confirm = card.getByRole("group", { name: "Turn off autopay" });
  await expect(confirm).toContainText("Turn off autopay for the customer?");
  await confirm.getByRole("button", { name: "Yes, turn it off" }).click();
  await expect(card.getByTestId("c360-autopay-state")).toContainText(
    "Autopay is off. The subscriber turns it on in their own app",
  );
  await expect(card.getByRole("button", { name: "Turn off autopay" })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  const own = await trpcQuery(subscriber, FIRST, "autopay.get");
  expect(own.body.result.data.json).toMatchObject({ enabled: false, card: { brand: "visa", last4: "4242" } });
  await subscriber.dispose();
});
