import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, expect, test, type Page } from "@playwright/test";
import { FIRST, PASSWORD, trpcQuery } from "./helpers";
import {
  flushOutbox,
  goOffline,
  goOnline,
  openSignedIn,
  outboxItems,
  restoreOutboxItem,
  waitForServiceWorker,
} from "./pwa-helpers";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type RequestRow = { id: string; subject?: string; number: string };

/** The caller's requests on the server with this subject. */
async function requestsWithSubject(page: Page, subject: string): Promise<RequestRow[]> {
  const { body } = await trpcQuery(page.request, FIRST, "request.list", { limit: 50 });
  return (body.result.data.json.items as RequestRow[]).filter((item) => item.subject === subject);
}

/** Writes a request in the real form (category, subject, description) and submits it. */
async function writeRequest(page: Page, subject: string) {
  await page
    .locator("label")
    .filter({ has: page.getByRole("radio", { name: /Другое/ }) })
    .click();
  await page.getByLabel("Тема").fill(subject);
  await page.getByRole("button", { name: "Далее" }).click();
  await page
    .getByLabel("Что произошло")
    .fill("Пишу из метро, где нет сети. Прошу перезвонить после 18:00 по поводу тарифа.");
  await page.getByRole("button", { name: "Отправить заявку" }).click();
}

function uniqueSubject(label: string) {
  return `${label} ${Date.now().toString(36)}`;
}

test.describe("offline submissions (outbox)", () => {
  test("a request written offline waits, is delivered once on reconnection, and once only after a second replay", async ({
    page,
    context,
  }) => {
    await openSignedIn(page, "+79001000003");
    await waitForServiceWorker(page);
    await page.goto("/requests/new");
    await expect(page.getByRole("radio", { name: /Другое/ })).toBeVisible();
    const subject = uniqueSubject("Без сети");

    await goOffline(context);
    await writeRequest(page, subject);
    await expect(page.getByTestId("outbox-kept")).toHaveText(
      "Нет связи. Заявка сохранена на устройстве и отправится сама, когда сеть появится.",
    );
    // Kept for sending is not a failure: the form shows no error next to it.
    await expect(page.getByText("Заявка не отправлена", { exact: false })).toHaveCount(0);
    const outbox = page.getByTestId("outbox");
    await expect(outbox).toContainText("Ждут отправки");
    await expect(outbox).toContainText(`Заявка «${subject}»`);
    await expect(outbox).toContainText("Ждёт отправки");
    const [kept] = await outboxItems(page);
    expect(kept).toMatchObject({ procedure: "request.create", status: "PENDING", summary: subject });
    expect(JSON.parse(kept!.body)["0"].json.idempotencyKey).toBe(kept!.id);
    // Submitting again offline keeps one item (same idempotency key).
    await page.getByRole("button", { name: "Отправить заявку" }).click();
    await expect.poll(async () => (await outboxItems(page)).length).toBe(1);
    expect(await requestsWithSubject(page, subject)).toEqual([]);

    await goOnline(context);
    await expect(outbox).toBeHidden({ timeout: 20_000 });
    const created = await requestsWithSubject(page, subject);
    expect(created).toHaveLength(1);
    expect(await outboxItems(page)).toEqual([]);

    // The same submission replayed again (a second sync, a crash before the item was deleted).
    await restoreOutboxItem(page, kept!);
    await flushOutbox(page);
    await expect.poll(async () => (await outboxItems(page)).length, { timeout: 15_000 }).toBe(0);
    expect(await requestsWithSubject(page, subject)).toEqual(created);
  });

  test("a message written offline on a request is delivered once", async ({ page, context }) => {
    await openSignedIn(page, "+79001000003");
    await waitForServiceWorker(page);
    // A request a person handles, so the conversation takes messages.
    const created = await page.request.post(`${FIRST}/api/trpc/request.create`, {
      data: {
        json: {
          category: "NO_SERVICE",
          subject: uniqueSubject("Нет связи дома"),
          description: "Со вчерашнего вечера нет ни звонков, ни интернета.",
          idempotencyKey: `e2e-${Date.now().toString(36)}-msg`,
        },
      },
    });
    expect(created.status()).toBe(200);
    const requestId = (await created.json()).result.data.json.id as string;
    await page.goto(`/requests/${requestId}`);
    const box = page.getByLabel("Ваше сообщение");
    await expect(box).toBeVisible();

    const text = `Уточнение без сети ${Date.now().toString(36)}: роутер перезагружал, не помогло.`;
    await goOffline(context);
    await box.fill(text);
    await page.getByRole("button", { name: "Отправить", exact: true }).click();
    await expect(page.getByTestId("outbox-kept")).toHaveText(
      "Нет связи. Сообщение сохранено на устройстве и отправится само, когда сеть появится.",
    );
    await expect(page.getByText("Сообщение не отправлено", { exact: false })).toHaveCount(0);
    // The box is cleared for the next message, as after a sent one.
    await expect(box).toHaveValue("");
    await expect(page.getByTestId("outbox")).toContainText(`Сообщение: ${text.slice(0, 40)}`);
    const [kept] = await outboxItems(page);
    expect(kept).toMatchObject({ procedure: "request.addMessage", status: "PENDING" });

    const messagesWithText = async () => {
      const { body } = await trpcQuery(page.request, FIRST, "request.byId", { id: requestId });
      return (body.result.data.json.messages as { body: string }[]).filter((message) => message.body === text).length;
    };
    expect(await messagesWithText()).toBe(0);
    await goOnline(context);
    await expect(page.getByTestId("outbox")).toBeHidden({ timeout: 20_000 });
    expect(await messagesWithText()).toBe(1);

    await restoreOutboxItem(page, kept!);
    await flushOutbox(page);
    await expect.poll(async () => (await outboxItems(page)).length, { timeout: 15_000 }).toBe(0);
    expect(await messagesWithText()).toBe(1);
    // The conversation on screen shows it once, too.
    await page.reload();
    await expect(page.getByTestId("conversation").getByText(text)).toHaveCount(1);
  });

  test("a replay refused for an ended session keeps the item and asks to sign in; after sign-in it goes once", async ({
    page,
    context,
  }) => {
    await openSignedIn(page, "+79001000002");
    await waitForServiceWorker(page);
    await page.goto("/requests/new");
    await expect(page.getByRole("radio", { name: /Другое/ })).toBeVisible();
    const subject = uniqueSubject("Сеанс истёк");

    await goOffline(context);
    await writeRequest(page, subject);
    await expect(page.getByTestId("outbox")).toContainText(subject);

    // The session ends on the server while the phone is offline.
    const { csrfToken } = await (await page.request.get(`${FIRST}/api/auth/csrf`)).json();
    await page.request.post(`${FIRST}/api/auth/signout`, { form: { csrfToken, json: "true" } });
    expect((await trpcQuery(page.request, FIRST, "me.get")).status).toBe(401);

    await goOnline(context);
    const outbox = page.getByTestId("outbox");
    await expect(outbox).toContainText("Сеанс завершён. Войдите, чтобы отправить.");
    const [item] = await outboxItems(page);
    expect(item).toMatchObject({ status: "NEEDS_SIGN_IN", summary: subject });

    await outbox.getByRole("link", { name: "Войти" }).click();
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await page.getByLabel("Телефон или e-mail").fill("+79001000002");
    await page.getByLabel("Пароль").fill(PASSWORD);
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page).toHaveURL(/\/requests\/new$/);
    await expect.poll(async () => (await outboxItems(page)).length, { timeout: 20_000 }).toBe(0);
    expect(await requestsWithSubject(page, subject)).toHaveLength(1);
  });

  test("what was written offline is sent after the app was closed and opened again", async () => {
    const profile = await mkdtemp(path.join(os.tmpdir(), "selfcare-outbox-"));
    const launch = () =>
      chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath,
        args: ["--no-sandbox", "--disable-gpu"],
        baseURL: FIRST,
        locale: "ru-RU",
      });
    const subject = uniqueSubject("После перезапуска");
    try {
      let context = await launch();
      let page = context.pages()[0] ?? (await context.newPage());
      await openSignedIn(page, "+79001000001");
      await waitForServiceWorker(page);
      await page.goto("/requests/new");
      await expect(page.getByRole("radio", { name: /Другое/ })).toBeVisible();
      await goOffline(context);
      await writeRequest(page, subject);
      await expect(page.getByTestId("outbox")).toContainText(subject);
      await context.close();

      // Opened again, online.
      context = await launch();
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto("/dashboard");
      await waitForServiceWorker(page);
      await expect.poll(async () => (await outboxItems(page)).length, { timeout: 20_000 }).toBe(0);
      expect(await requestsWithSubject(page, subject)).toHaveLength(1);
      await context.close();
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
});
