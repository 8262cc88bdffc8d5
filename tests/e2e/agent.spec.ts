import { expect, test } from "@playwright/test";
import { cancelScheduledTariffChanges, findQuietSubscriberPhone, setLocaleOf } from "./database";
import { apiSignIn, FIRST, openCustomer360AsAgent, signInWithForm, trpcMutation, trpcQuery } from "./helpers";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";

const BRONZE = "+79001000002";
const AGENT = "agent1@selfcare.test";

test("an agent takes a new escalation from the queue to resolution on one screen; the subscriber sees the answer", async ({
  page,
  browser,
  playwright,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const subject = `Жалоба на качество связи ${stamp}`;
  const reply = `Проверили базовую станцию рядом с вами (${stamp}), перезагрузите телефон.`;
  const note = `Внутренне: клиент звонил дважды (${stamp})`;
  const resolution = `Настройки сети обновлены (${stamp}).`;

  // The agent opens the queue first: the escalation must arrive without a reload.
  await signInWithForm(page, AGENT);
  // The first page after signing in renders on the server; allow a busy CI machine its time.
  await expect(page.getByRole("heading", { name: "Очередь обращений" })).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/\/agent$/);
  await page.getByLabel("Тема").selectOption("COMPLAINT");

  const subscriber = await playwright.request.newContext();
  expect((await apiSignIn(subscriber, FIRST, BRONZE)).ok).toBe(true);
  const created = await trpcMutation(subscriber, FIRST, "request.create", {
    category: "COMPLAINT",
    subject,
    description: "Постоянно обрывается связь во время разговора, особенно вечером дома.",
    idempotencyKey: newIdempotencyKey("e2e-agent"),
  });
  expect(created.status).toBe(200);
  const { id: requestId, number } = created.body.result.data.json as { id: string; number: number };

  const card = page.locator(`[data-request-id="${requestId}"]`);
  await expect(card).toBeVisible({ timeout: 25_000 });
  await expect(card).toContainText(subject);
  await expect(card.locator("[data-sla]")).toBeVisible();
  await card.getByRole("button", { name: `Взять №${number}` }).click();

  // One screen: the request, the conversation and the customer's 360 view beside it.
  await expect(page).toHaveURL(new RegExp(`/agent/requests/${requestId}$`));
  await expect(page.getByRole("heading", { name: new RegExp(`Заявка №${number}`) })).toBeVisible();
  await expect(page.getByTestId("request-holder")).toHaveText("Мария Ковалёва");
  const panel = page.getByTestId("customer-360");
  await expect(panel.getByRole("heading", { name: "Смирнов Никита Андреевич" })).toBeVisible();
  await expect(panel.getByText("Ценность клиента")).toBeVisible();
  await expect(panel.getByText("+7 900 100-00-02").first()).toBeVisible();
  await expect(panel.getByRole("region", { name: /Счета/ })).toBeVisible();
  await expect(panel.getByTestId("timeline")).toContainText("Создал заявку");

  // A canned response fills in the customer's name.
  await page.getByLabel("Шаблон ответа").selectOption({ label: "Приветствие" });
  await expect(page.getByLabel("Сообщение")).toHaveValue(
    new RegExp(`Здравствуйте, Никита! Я занимаюсь вашей заявкой №${number}`),
  );
  await page.getByLabel("Сообщение").fill(reply);
  await page.getByRole("button", { name: "Отправить ответ" }).click();
  await expect(page.getByText("Ответ отправлен, клиент получил уведомление.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: reply })).toBeVisible();

  await page.getByLabel("Внутренняя заметка").check();
  await page.getByLabel("Сообщение").fill(note);
  await page.getByRole("button", { name: "Добавить заметку" }).click();
  const noteItem = page.locator('[data-internal="true"]').filter({ hasText: note });
  await expect(noteItem).toBeVisible();
  await expect(noteItem).toContainText("Внутренняя заметка — видят только агенты");

  await page.getByLabel("Результат").selectOption("FIXED");
  await page.getByLabel("Описание решения").fill(resolution);
  await page.getByRole("button", { name: "Решить заявку" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Заявка решена." })).toBeVisible();

  // The subscriber sees the reply and the resolution, and never the internal note.
  const seen = await trpcQuery(subscriber, FIRST, "request.byId", { id: requestId });
  expect(seen.status).toBe(200);
  expect(seen.body.result.data.json.status).toBe("RESOLVED");
  const subscriberPage = await (await browser.newContext({ locale: "ru-RU" })).newPage();
  await signInWithForm(subscriberPage, BRONZE);
  await subscriberPage.waitForURL(/\/dashboard/);
  await subscriberPage.goto(`/requests/${requestId}`);
  await expect(subscriberPage.getByText(reply)).toBeVisible();
  await expect(subscriberPage.getByText(resolution)).toBeVisible();
  await expect(subscriberPage.getByText("Решена").first()).toBeVisible();
  await expect(subscriberPage.getByText(note)).toHaveCount(0);
  expect(JSON.stringify(seen.body)).not.toContain(note);
  await subscriberPage.context().close();
  await subscriber.dispose();
});

test("an agent credits a bill and changes a tariff from the customer 360 view, in English", async ({ page }) => {
  test.setTimeout(60_000);
  await cancelScheduledTariffChanges("+79001000003");
  // agent2 works in English.
  await signInWithForm(page, "agent2@selfcare.test");
  await expect(page.getByRole("heading", { name: "Escalation queue" })).toBeVisible({ timeout: 30_000 });

  await page.getByRole("link", { name: "Customers" }).first().click();
  await page.getByLabel("Phone, account, e-mail or name").fill("8 (900) 100-00-03");
  await page.getByRole("button", { name: "Find" }).click();
  const result = page.getByRole("link", { name: /Silver|Серебр/ }).first();
  await expect(result).toBeVisible();
  await result.click();
  await expect(page.getByText("Value score")).toBeVisible();

  // A credit within the agent's limit goes through at once.
  const firstBill = page.locator("[data-bill-id]").first();
  const totalBefore = await firstBill.getByTestId("bill-total").textContent();
  await firstBill.getByRole("button", { name: /^Adjust/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Your limit without approval");
  await dialog.getByLabel("Amount, ₽").fill("12.50");
  await dialog.getByLabel("Reason").fill("Goodwill credit for the outage");
  await dialog.getByRole("button", { name: "Adjust bill" }).click();
  await expect(dialog.getByRole("status")).toContainText("Adjustment applied");
  await dialog.getByRole("button", { name: "Close" }).first().click();
  await expect(firstBill.getByTestId("bill-total")).not.toHaveText(totalBefore ?? "");
  await expect(firstBill).toContainText("Goodwill credit for the outage");

  // The tariff change shows the subscriber's preview before it is made.
  await page
    .getByRole("button", { name: /^Change tariff/ })
    .first()
    .click();
  const tariffDialog = page.getByRole("dialog");
  const options = tariffDialog.getByLabel("New tariff").locator("option:not([disabled]):not([value=''])");
  await expect(options.first()).toBeAttached();
  const value = await options.first().getAttribute("value");
  await tariffDialog.getByLabel("New tariff").selectOption(value!);
  await expect(tariffDialog.getByTestId("tariff-net")).toBeVisible();
  await tariffDialog.getByRole("button", { name: "Change tariff" }).click();
  await expect(tariffDialog.getByRole("status")).toContainText("Tariff change saved");
});

test("an agent blocks a caller's lost phone from the customer 360 and unblocks it once the network confirmed", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signInWithForm(page, "agent2@selfcare.test");
  await expect(page.getByRole("heading", { name: "Escalation queue" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: "Customers" }).first().click();
  await page.getByLabel("Phone, account, e-mail or name").fill("8 (900) 100-00-01");
  await page.getByRole("button", { name: "Find" }).click();
  await page
    .getByRole("link", { name: /Platinum|Платин/ })
    .first()
    .click();
  await expect(page.getByText("Value score")).toBeVisible();

  const line = page.getByRole("listitem").filter({ hasText: "+7 900 100-00-21" }).first();
  await page.getByRole("button", { name: "Line controls: +7 900 100-00-21" }).click();
  const dialog = page.getByRole("dialog", { name: "Line controls for +7 900 100-00-21" });
  await dialog.getByRole("radio", { name: "Block" }).check();
  await dialog.getByLabel("Reason for the block").selectOption("STOLEN");
  await dialog.getByRole("button", { name: "Send to the network" }).click();
  await expect(dialog.getByRole("status")).toContainText('"Block" was sent to the network');
  await dialog.getByRole("button", { name: "Close" }).first().click();
  // The simulated network confirms in a moment; the 360 follows it.
  await expect(async () => {
    await page.reload();
    await expect(line).toContainText("Blocked", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  await page.getByRole("button", { name: "Line controls: +7 900 100-00-21" }).click();
  const again = page.getByRole("dialog", { name: "Line controls for +7 900 100-00-21" });
  await expect(again.getByRole("radio", { name: "Unblock" })).toBeChecked();
  await again.getByRole("button", { name: "Send to the network" }).click();
  await expect(again.getByRole("status")).toContainText('"Unblock" was sent to the network');
  await again.getByRole("button", { name: "Close" }).first().click();
  await expect(async () => {
    await page.reload();
    await expect(line).toContainText("Active", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});

// A caller ordered a SIM card at a dealer by mistake: the agent orders it on their behalf, then
// cancels it before pickup, and the line can get a new one again.
test("an agent orders a SIM card for a caller from the customer 360 and cancels it before pickup, in English", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const phone = await findQuietSubscriberPhone(61);
  await openCustomer360AsAgent(page, phone);

  const open = page.getByRole("button", { name: /^Replace SIM: / }).first();
  const label = (await open.getAttribute("aria-label"))!;
  await open.click();
  const panel = page.getByRole("group", { name: label });
  await panel.getByRole("radio", { name: "SIM card at a dealer" }).check();
  await panel.getByRole("button", { name: "Order for the customer" }).click();
  await expect(panel.getByRole("status")).toContainText("A SIM card waits for the customer at");

  await panel.getByRole("button", { name: "Cancel this replacement" }).click();
  await expect(panel.getByText("The customer's old SIM keeps working")).toBeVisible();
  await panel.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(panel.getByRole("button", { name: "Order for the customer" })).toBeVisible();
  await expect(panel.getByRole("status")).toBeHidden();
});

// A caller wants more data: the agent sells a pack from the customer 360, and the customer finds it
// on their dashboard.
test("an agent buys an add-on for a caller from the customer 360; the subscriber's dashboard shows it (in English)", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const phone = await findQuietSubscriberPhone(64);
  await setLocaleOf(phone, "en");
  await openCustomer360AsAgent(page, phone);

  const open = page.getByRole("button", { name: /^Add-on: / }).first();
  const label = (await open.getAttribute("aria-label"))!.replace("Add-on: ", "");
  await open.click();
  const dialog = page.getByRole("dialog", { name: `Add-on for ${label}` });
  await expect(dialog.getByRole("button", { name: "Choose an add-on" })).toBeDisabled();
  const choice = dialog.getByRole("radio").and(dialog.locator(":enabled")).first();
  const name = (await choice.locator("xpath=..").locator("span.font-medium").first().textContent())!;
  // What it adds and for how long, in words (not message keys).
  await expect(choice.locator("xpath=..")).toContainText(/\d+ days?/);
  await expect(dialog).not.toContainText("addons.");
  await choice.check();
  await dialog.getByRole("button", { name: /^Buy for / }).click();
  await expect(dialog.getByRole("status")).toContainText(`${name} is bought for the customer`);
  await dialog.getByRole("button", { name: "Close" }).first().click();

  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const subscriber = await context.newPage();
  await signInWithForm(subscriber, phone);
  await expect(subscriber).toHaveURL(/\/dashboard$/);
  await expect(subscriber.getByTestId("line-addons").filter({ hasText: name })).toBeVisible();
  await context.close();
});
