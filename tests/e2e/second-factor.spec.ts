import { expect, request as playwrightRequest, test } from "@playwright/test";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { totpCodeAt } from "../../server/domain/identity/totp";
import { apiSignIn, FIRST, signInWithForm, trpcMutation, trpcQuery } from "./helpers";

const STAFF_PASSWORD = "e2e-totp-password-1";

/** A new staff account made by the demo supervisor through the API: a password and no second factor yet. */
async function newAgent(label: string) {
  const admin = await playwrightRequest.newContext();
  expect((await apiSignIn(admin, FIRST, "admin@selfcare.test")).ok).toBe(true);
  const email = `e2e.${label}.${Date.now()}@example.com`;
  const created = await trpcMutation(admin, FIRST, "admin.users.create", {
    role: "AGENT",
    name: `Тест ${label}`,
    email,
    password: STAFF_PASSWORD,
    locale: "ru",
    idempotencyKey: newIdempotencyKey("e2e-2fa"),
  });
  expect(created.status).toBe(200);
  await admin.dispose();
  return { email, name: `Тест ${label}` };
}

/** A six-digit code none of the accepted steps has. */
async function wrongCode(secret: string) {
  const now = Date.now();
  const taken = new Set(await Promise.all([-1, 0, 1].map((k) => totpCodeAt(secret, new Date(now + k * 30_000)))));
  return ["000000", "111111", "222222", "333333"].find((code) => !taken.has(code))!;
}

test("a new agent enrols from the QR step (reading the key), keeps the recovery codes, and signs in with TOTP", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const agent = await newAgent("enrol");

  // The password alone leads to the enrolment, and nowhere else.
  await signInWithForm(page, agent.email, STAFF_PASSWORD, null);
  await expect(page).toHaveURL(/\/second-factor$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Настройка второго фактора", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR-код для приложения-аутентификатора" })).toBeVisible();
  await page.goto("/agent");
  await expect(page).toHaveURL(/\/second-factor$/);
  expect((await trpcQuery(page.request, FIRST, "agent.queue", {})).status).toBe(403);

  // An authenticator app would scan the QR code; the test types the key shown under it.
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const codeField = page.getByLabel("Код из приложения");
  await codeField.fill(await wrongCode(secret));
  await page.getByRole("button", { name: "Подтвердить" }).click();
  await expect(page.getByText("Код не подходит")).toBeVisible();
  await codeField.fill(await totpCodeAt(secret, new Date()));
  await page.getByRole("button", { name: "Подтвердить" }).click();

  await expect(page.getByRole("heading", { name: "Сохраните резервные коды" })).toBeVisible();
  const recovery = page.getByRole("list", { name: "Резервные коды" }).getByRole("listitem");
  await expect(recovery).toHaveCount(10);
  const recoveryCode = (await recovery.first().textContent())!.trim();
  expect(recoveryCode).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
  await page.getByRole("button", { name: "Я сохранил коды. Продолжить" }).click();
  await expect(page).toHaveURL(/\/agent$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Очередь обращений" })).toBeVisible({ timeout: 30_000 });

  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Signing in again: the password, then the second step asks for the code; a wrong one is refused.
  await page.getByLabel("Телефон или e-mail").fill(agent.email);
  await page.getByLabel("Пароль").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { name: "Код из приложения-аутентификатора" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/); // the password stays in the page's memory, not in the URL
  await page.getByLabel("Код из приложения").fill(await wrongCode(secret));
  await page.getByRole("button", { name: "Подтвердить" }).click();
  await expect(page.getByRole("alert")).toContainText("Неверный код");
  // The next step's code (the enrolment used this one's): one step of drift is allowed.
  await page.getByLabel("Код из приложения").fill(await totpCodeAt(secret, new Date(Date.now() + 30_000)));
  await page.getByRole("button", { name: "Подтвердить" }).click();
  await expect(page).toHaveURL(/\/agent$/, { timeout: 30_000 });

  // A recovery code works once in the same `totp` field.
  const api = await playwrightRequest.newContext();
  expect((await apiSignIn(api, FIRST, agent.email, STAFF_PASSWORD, recoveryCode)).ok).toBe(true);
  expect((await apiSignIn(api, FIRST, agent.email, STAFF_PASSWORD, recoveryCode)).error).toBe("TOTP_INVALID");
  expect((await apiSignIn(api, FIRST, agent.email, STAFF_PASSWORD, null)).error).toBe("TOTP_REQUIRED");
  await api.dispose();
});

test("in English: the supervisor signs in with the demo code and resets an agent's second factor, who must enrol again", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const agent = await newAgent("reset");
  // The agent enrols through the API and keeps a signed-in session.
  const agentApi = await playwrightRequest.newContext();
  expect((await apiSignIn(agentApi, FIRST, agent.email, STAFF_PASSWORD, null)).ok).toBe(true);
  const begun = await trpcMutation(agentApi, FIRST, "secondFactor.beginEnrolment", {});
  const secret = begun.body.result.data.json.secret as string;
  const confirmed = await trpcMutation(agentApi, FIRST, "secondFactor.confirmEnrolment", {
    code: await totpCodeAt(secret, new Date()),
  });
  expect(confirmed.status).toBe(200);
  expect((await trpcQuery(agentApi, FIRST, "agent.queue", {})).status).toBe(200);

  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: FIRST }]);
  await page.goto("/sign-in");
  await page.getByLabel("Phone or e-mail").fill("admin@selfcare.test");
  await page.getByLabel("Password").fill("selfcare-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Code from the authenticator app" })).toBeVisible();
  // The demo data is in use: the page shows the demo secret's current code.
  await expect(page.getByText(/Demo code now: \d{6}/)).toBeVisible();
  await page.getByRole("button", { name: "Fill it in" }).click();
  await expect(page.getByLabel("Code from the app")).toHaveValue(/^\d{6}$/);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/admin$/, { timeout: 30_000 });

  await page.goto("/admin/users");
  await page.getByLabel("Search by name or e-mail").fill(agent.email);
  const row = page.getByRole("listitem").filter({ hasText: agent.email });
  await expect(row.getByText("2FA on")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Reset the second factor of ${agent.name}` }).click();
  await expect(page.getByText(`The second factor of ${agent.name} is reset`)).toBeVisible();
  await expect(row.getByText("No 2FA yet")).toBeVisible();

  // The agent's session has ended; the password alone now leads straight to a new enrolment.
  expect((await trpcQuery(agentApi, FIRST, "me.get")).status).toBe(401);
  await agentApi.dispose();
  const agentContext = await browser.newContext();
  await agentContext.addCookies([{ name: "NEXT_LOCALE", value: "en", url: FIRST }]);
  const agentPage = await agentContext.newPage();
  await agentPage.goto("/sign-in");
  await agentPage.getByLabel("Phone or e-mail").fill(agent.email);
  await agentPage.getByLabel("Password").fill(STAFF_PASSWORD);
  await agentPage.getByRole("button", { name: "Sign in" }).click();
  await expect(agentPage).toHaveURL(/\/second-factor$/, { timeout: 30_000 });
  await expect(agentPage.getByRole("heading", { name: "Set up the second factor", level: 1 })).toBeVisible();
  const newSecret = (await agentPage.getByTestId("totp-secret").textContent())!.trim();
  expect(newSecret).not.toBe(secret);
  await agentContext.close();
});
