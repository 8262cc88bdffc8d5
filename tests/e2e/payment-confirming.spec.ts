import { expect, test } from "@playwright/test";
import { findQuietDebtorPhone, leaveUnsettledPayment, removePayment } from "./database";
import { FIRST, signInWithForm } from "./helpers";

/**
 * A payment the provider has not settled yet (it timed out: UNKNOWN until the reconcile job asks)
 * blocks a second one on the same bill. The bill page says so instead of offering the card form,
 * in Russian and in English, at 360 px.
 */
test("a bill with a payment being confirmed shows the notice instead of the card form, in both languages", async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const phone = await findQuietDebtorPhone();
  const { billId, paymentId } = await leaveUnsettledPayment(phone);
  try {
    await signInWithForm(page, phone);
    await expect(page).toHaveURL(/\/dashboard/);

    await page.goto(`/bills/${billId}`);
    const notice = page.getByTestId("payment-confirming");
    await expect(notice).toHaveText(/Платёж подтверждается банком.*дважды деньги не спишутся/);
    await expect(notice).toHaveAttribute("role", "status");
    await expect(page.getByLabel("Номер карты")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Оплатить/ })).toHaveCount(0);

    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: FIRST }]);
    await page.reload();
    await expect(notice).toHaveText(/A payment is being confirmed with the bank.*you will not be charged twice/);
    await expect(page.getByLabel("Card number")).toHaveCount(0);

    // Once it is settled (here: gone), the card form is back.
    await removePayment(paymentId);
    await page.reload();
    await expect(notice).toHaveCount(0);
    await expect(page.getByLabel("Card number")).toBeVisible();
  } finally {
    await removePayment(paymentId);
  }
});
