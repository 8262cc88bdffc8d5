import { expect, test, type Page } from "@playwright/test";
import { forgetRecentContacts } from "./database";
import { FIRST, signInWithForm, trpcMutation, trpcQuery } from "./helpers";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";

async function requestById(page: Page, id: string) {
  const { status, body } = await trpcQuery(page.request, FIRST, "request.byId", { id });
  expect(status).toBe(200);
  return body.result.data.json;
}

/** The new-request flow as a person goes through it: category, subject (suggestions appear), details. */
async function writeRequest(page: Page, category: string, subject: string) {
  await page.goto("/requests/new");
  await page
    .locator("label")
    .filter({ has: page.getByRole("radio", { name: new RegExp(category) }) })
    .click();
  await expect(page.getByTestId("chosen-category")).toHaveText(category);
  await page.getByLabel("Тема").pressSequentially(subject, { delay: 20 });
}

test.describe("service requests in the browser", () => {
  test("a BRONZE subscriber asks a billing question, is offered articles, and marks it solved", async ({ page }) => {
    await forgetRecentContacts("+79001000002", "BILLING_QUESTION");
    await signInWithForm(page, "+79001000002");
    await expect(page).toHaveURL(/\/dashboard$/);

    await writeRequest(page, "Вопрос по счёту", "Почему счёт больше");
    const suggestions = page.getByRole("list", { name: "Эти статьи могут ответить на ваш вопрос" });
    await expect(suggestions.getByRole("heading", { name: "Почему счёт больше обычного" })).toBeVisible();

    await page.getByRole("button", { name: "Далее" }).click();
    await page.getByLabel("Что произошло").fill("Пришёл счёт больше обычного, хотя тариф я не менял.");
    await page.getByRole("button", { name: "Отправить заявку" }).click();
    await expect(page).toHaveURL(/\/requests\/(?!new)[^/]+$/);
    const id = page.url().split("/").pop()!;

    // Self-service: articles, the bill explainer, and why.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Почему счёт больше");
    await expect(page.getByText("Самообслуживание").first()).toBeVisible();
    await expect(page.getByTestId("routing-reasons")).toContainText(
      "На такие вопросы обычно сразу отвечают статьи справки",
    );
    await expect(page.getByRole("link", { name: "Открыть счёт с пояснениями" })).toHaveAttribute(
      "href",
      /^\/bills\/.+/,
    );
    const article = page.getByRole("article").filter({ hasText: "Почему счёт больше обычного" });
    await article.getByRole("button", { name: "Читать" }).click();
    await expect(article).toContainText("Услуги сверх пакета");
    await article.getByRole("button", { name: "Да" }).click();
    await expect(article.getByText("Спасибо за отзыв.")).toBeVisible();

    await article.getByRole("button", { name: "Это решило мой вопрос" }).click();
    await expect(page.getByText("Рады, что помогло! Заявка решена.")).toBeVisible();
    await expect(page.getByTestId("status-timeline")).toContainText("Решена");
    await page.getByRole("radio", { name: "5 звёзд" }).click();
    await expect(page.getByText("Спасибо за оценку!")).toBeVisible();

    const stored = await requestById(page, id);
    expect(stored).toMatchObject({
      status: "RESOLVED",
      deflected: true,
      csat: 5,
      routing: { decision: "SELF_SERVICE" },
    });

    await page.getByRole("link", { name: "Все заявки" }).click();
    const card = page.getByRole("link", { name: /Почему счёт больше/ }).first();
    await expect(card).toContainText(`№${stored.number}`);
    await expect(card).toContainText("Решена");
  });

  test("a subscriber asks for a person: the request is queued with a promised answer time", async ({ page }) => {
    await forgetRecentContacts("+79001000003", "TARIFF_CHANGE");
    await signInWithForm(page, "+79001000003");
    await expect(page).toHaveURL(/\/dashboard$/);

    await writeRequest(page, "Тариф и опции", "Какой тариф выгоднее для семьи");
    await page.getByRole("button", { name: "Далее" }).click();
    await page.getByLabel("Что произошло").fill("У нас три номера, хотим платить меньше. Что посоветуете?");
    await page.getByRole("button", { name: "Отправить заявку" }).click();
    await expect(page).toHaveURL(/\/requests\/(?!new)[^/]+$/);
    const id = page.url().split("/").pop()!;
    await expect(page.getByRole("link", { name: "Сравнить и сменить тариф" })).toHaveAttribute("href", "/tariffs");

    await page.getByRole("button", { name: "Нужна помощь специалиста" }).click();
    await page
      .getByLabel("Что осталось непонятным? (необязательно)")
      .fill("Хочу поговорить с человеком о семейном тарифе.");
    await page.getByRole("button", { name: "Позвать специалиста" }).click();

    await expect(page.getByText("Ждёт специалиста").first()).toBeVisible();
    await expect(page.getByTestId("sla-promise")).toContainText("Ответим до");
    await expect(page.getByTestId("routing-reasons")).toContainText("Вы попросили помощи специалиста.");
    await expect(page.getByTestId("conversation")).toContainText("Хочу поговорить с человеком о семейном тарифе.");
    await expect(page.getByTestId("status-timeline")).toContainText("Ждёт специалиста");

    await page.getByLabel("Ваше сообщение").fill("Удобно говорить после 18:00.");
    await page.getByRole("button", { name: "Отправить", exact: true }).click();
    await expect(page.getByTestId("conversation")).toContainText("Удобно говорить после 18:00.");

    const stored = await requestById(page, id);
    expect(stored.status).toBe("QUEUED");
    expect(stored.routing.decision).toBe("AGENT_QUEUE");
    expect(stored.routing.reasonCodes).toContain("ASKED_FOR_PERSON");
    expect(new Date(stored.routing.slaDueAt).getTime()).toBeGreaterThan(Date.now());
    expect(stored.messages.map((message: { body: string }) => message.body)).toEqual([
      "Хочу поговорить с человеком о семейном тарифе.",
      "Удобно говорить после 18:00.",
    ]);
  });

  test("a PLATINUM subscriber goes straight to the personal manager; others cannot see the request", async ({
    page,
    browser,
  }) => {
    await signInWithForm(page, "+79001000001");
    await expect(page).toHaveURL(/\/dashboard$/);
    const created = await trpcMutation(page.request, FIRST, "request.create", {
      category: "NO_SERVICE",
      subject: "Нет связи дома",
      description: "С утра нет ни звонков, ни интернета на основном номере.",
      idempotencyKey: newIdempotencyKey("e2e-platinum"),
    });
    expect(created.status).toBe(200);
    const { id, routing } = created.body.result.data.json;
    expect(routing.decision).toBe("PERSONAL_MANAGER");
    expect(routing.priority).toBe(1);

    await page.goto(`/requests/${id}`);
    await expect(page.getByText("Ваш персональный менеджер")).toBeVisible();
    await expect(page.getByText(/Персональный менеджер: \S+/)).toBeVisible();
    await expect(page.getByTestId("routing-reasons")).toContainText("Отсутствие связи считается аварией");

    const other = await browser.newPage();
    await signInWithForm(other, "+79001000002");
    await expect(other).toHaveURL(/\/dashboard$/);
    await other.goto(`/requests/${id}`);
    await expect(other.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
    expect((await trpcQuery(other.request, FIRST, "request.byId", { id })).status).toBe(404);
    await other.close();
  });
});
