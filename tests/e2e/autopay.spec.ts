import { expect, test } from "@playwright/test";
import { findQuietSubscriberPhone, issueBillForAutopay } from "./database";
import { FIRST, signInWithForm } from "./helpers";

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
