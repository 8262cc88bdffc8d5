import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { findAnyBill, findSingleLineSubscriber, findUnpaidBill } from "./database";
import { FIRST, signInWithForm } from "./helpers";

async function signIn(page: Page, phone: string) {
  await signInWithForm(page, phone);
  await expect(page).toHaveURL(/\/dashboard/);
}

async function fillCard(page: Page, number: string) {
  await page.getByLabel("Номер карты").fill(number);
  await page.getByLabel("Срок действия (ММ/ГГ)").fill("12/30");
  await page.getByLabel("CVC").fill("123");
}

test("a subscriber opens a bill, downloads its PDF, is declined, pays part and then the rest, and sees it paid", async ({
  page,
}) => {
  const payer = await findUnpaidBill();
  await signIn(page, payer.phone);

  await page.goto("/bills");
  await expect(page.getByRole("heading", { level: 1, name: "Счета" })).toBeVisible();
  await page.getByRole("link", { name: `Открыть счёт ${payer.number}` }).click();
  await expect(page).toHaveURL(new RegExp(`/bills/${payer.billId}$`));
  await expect(page.getByText(`№ ${payer.number}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "За что начислено" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Что изменилось по сравнению с прошлым счётом" })).toBeVisible();

  // The PDF, generated on the server, carries the bill's number.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Скачать PDF" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`bill-${payer.number}.pdf`);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.toString("latin1")).toContain(`(${payer.number})`);

  const due = await page.getByTestId("amount-due").innerText();

  // A declined card: the failure is shown and nothing is paid.
  await fillCard(page, "4000 0000 0000 0002");
  await page.getByRole("button", { name: /^Оплатить / }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Платёж отклонён" })).toBeVisible();
  await expect(page.getByTestId("amount-due")).toHaveText(due);

  // Part of it.
  await page.getByLabel("Часть суммы").check();
  await page.getByLabel("Сумма, ₽").fill("100");
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Оплатить 100,00/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Платёж на 100,00 ₽ зачислен" })).toBeVisible();
  await expect(page.getByTestId("amount-due")).not.toHaveText(due);

  // The rest.
  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Оплатить / }).click();
  await expect(page.getByText("Счёт оплачен. Спасибо!")).toBeVisible();
  await expect(page.locator('[data-status="PAID"]').first()).toHaveText("Оплачен");
  await expect(page.getByTestId("amount-due")).toHaveText("0,00 ₽");
  await expect(page.locator('[data-payment-status="SUCCEEDED"]')).toHaveCount(2);
  await expect(page.locator('[data-payment-status="DECLINED"]')).toHaveCount(1);

  // The list shows it paid too.
  await page.goto("/bills");
  await expect(
    page.getByRole("link", { name: `Открыть счёт ${payer.number}` }).getByText("Оплачен", { exact: true }),
  ).toBeVisible();
});

test("the PDF is for its owner only: another subscriber gets 404, a visitor must sign in", async ({
  page,
  request,
}) => {
  const payer = await findAnyBill();
  const anonymous = await request.get(`${FIRST}/bills/${payer.billId}/pdf`, {
    maxRedirects: 0,
    headers: { accept: "application/pdf" },
  });
  expect(anonymous.status()).toBe(401);
  await signIn(page, "+79001000003");
  const foreign = await page.request.get(`/bills/${payer.billId}/pdf`);
  expect(foreign.status()).toBe(404);
  const missing = await page.request.get(`/bills/bil_nope/pdf`);
  expect(missing.status()).toBe(404);
});

test("a subscriber previews and changes a tariff, schedules another and cancels it", async ({ page }) => {
  const changer = await findSingleLineSubscriber("trf_start");
  await signIn(page, changer.phone);
  await page.goto("/tariffs");
  await expect(page.getByRole("heading", { level: 1, name: "Тарифы" })).toBeVisible();
  await expect(page.locator('[data-tariff="START"]').getByText("Ваш тариф")).toBeVisible();

  // Compare side by side.
  await page.locator('[data-tariff="START"]').getByLabel("Сравнить").check();
  await page.locator('[data-tariff="SMART"]').getByLabel("Сравнить").check();
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Смарт", exact: true })).toBeVisible();
  await expect(table.getByRole("row", { name: /Абонентская плата/ })).toContainText("550,00");

  // Preview of an immediate switch: credit and charge before committing.
  await page.getByRole("button", { name: "Перейти на «Смарт»" }).click();
  const dialog = page.getByRole("dialog", { name: "Переход на «Смарт»" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("change-preview")).toContainText("Возврат за остаток периода");
  await expect(dialog.getByTestId("change-preview")).toContainText("В ближайшем счёте");
  await dialog.getByRole("button", { name: "Подтвердить переход" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Готово: с сегодняшнего дня ваш тариф — «Смарт»" }),
  ).toBeVisible();
  await expect(page.locator('[data-tariff="SMART"]').getByText("Ваш тариф")).toBeVisible();

  // A switch at the next cycle: no money now, then cancelled.
  await page.getByRole("button", { name: "Перейти на «Семейный»" }).click();
  const next = page.getByRole("dialog", { name: "Переход на «Семейный»" });
  await next.getByLabel(/С начала следующего расчётного периода/).check();
  await expect(next.getByTestId("change-preview")).toContainText("абонентская плата — 450,00");
  await next.getByRole("button", { name: "Подтвердить переход" }).click();
  await expect(page.getByRole("status").filter({ hasText: "переход на «Семейный» запланирован" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Запланированная смена тарифа" })).toBeVisible();
  await page.getByRole("button", { name: "Отменить переход" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Запланированный переход отменён" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Запланированная смена тарифа" })).toHaveCount(0);

  // The dashboard shows the new tariff.
  await page.goto("/dashboard");
  await expect(page.getByText("Смарт", { exact: true })).toBeVisible();
});

test("bills and tariffs speak English", async ({ page, context }) => {
  const changer = await findSingleLineSubscriber("trf_smart");
  await signIn(page, changer.phone);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: FIRST }]);
  await page.goto("/bills");
  await expect(page.getByRole("heading", { level: 1, name: "Bills" })).toBeVisible();
  await page
    .getByRole("link", { name: /^Open bill / })
    .first()
    .click();
  await expect(page.getByRole("link", { name: "Download PDF" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What you are charged for" })).toBeVisible();
  await page.goto("/tariffs");
  await expect(page.getByRole("heading", { level: 1, name: "Tariffs" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What suits how you use it" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Last 30 days" }).first()).toBeVisible();
});
