import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { demoTotpCode } from "../../server/domain/identity/totp";

export const PASSWORD = "selfcare-demo";
const port = Number(process.env.E2E_PORT ?? 3100);
export const FIRST = `http://localhost:${port}`;
export const SECOND = `http://localhost:${port + 1}`;

/** Staff sign in by e-mail; the demo staff are enrolled with the public demo TOTP secret. */
const isStaff = (identifier: string) => identifier.includes("@");

/**
 * Signs in through the public contract: GET /api/auth/csrf, then POST the credentials form. Staff
 * (an e-mail) send the demo secret's current code as `totp` unless told another (`null`: none).
 */
export async function apiSignIn(
  request: APIRequestContext,
  base: string,
  identifier: string,
  password = PASSWORD,
  totp?: string | null,
) {
  const { csrfToken } = await (await request.get(`${base}/api/auth/csrf`)).json();
  const code = totp === undefined ? (isStaff(identifier) ? await demoTotpCode() : null) : totp;
  const response = await request.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken, identifier, password, ...(code ? { totp: code } : {}), json: "true" },
    maxRedirects: 0,
  });
  const { url } = (await response.json()) as { url: string };
  const error = new URL(url).searchParams.get("error");
  return { ok: !error, error };
}

export async function trpcQuery(request: APIRequestContext, base: string, procedure: string, input: unknown = {}) {
  const query = encodeURIComponent(JSON.stringify({ json: input }));
  const response = await request.get(`${base}/api/trpc/${procedure}?input=${query}`);
  return { status: response.status(), body: await response.json() };
}

export async function trpcMutation(request: APIRequestContext, base: string, procedure: string, input: unknown) {
  const response = await request.post(`${base}/api/trpc/${procedure}`, { data: { json: input } });
  return { status: response.status(), body: await response.json() };
}

/**
 * The sign-in page in Russian. Staff (an e-mail) then get the second step and enter the demo secret's
 * current code, or `totp` (`null`: stop at the password, e.g. for a staff member not enrolled yet).
 */
export async function signInWithForm(page: Page, identifier: string, password = PASSWORD, totp?: string | null) {
  await page.goto("/sign-in");
  await page.getByLabel("Телефон или e-mail").fill(identifier);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  if (totp === null || (totp === undefined && !isStaff(identifier))) return;
  const field = page.getByLabel("Код из приложения");
  await expect(field).toBeVisible();
  await field.fill(totp ?? (await demoTotpCode()));
  await page.getByRole("button", { name: "Подтвердить" }).click();
}

export async function expectSignedOut(request: APIRequestContext, base: string) {
  const me = await trpcQuery(request, base, "me.get");
  expect(me.status).toBe(401);
}

/**
 * agent2 (who works in English) signs in, finds the customer by `phone` under Customers and opens
 * their customer 360 view.
 */
export async function openCustomer360AsAgent(page: Page, phone: string) {
  await signInWithForm(page, "agent2@selfcare.test");
  await expect(page.getByRole("heading", { name: "Escalation queue" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: "Customers" }).first().click();
  await page.getByLabel("Phone, account, e-mail or name").fill(phone);
  await page.getByRole("button", { name: "Find" }).click();
  await page.locator('main a[href^="/agent/customers/"]').first().click();
  await expect(page.getByText("Value score")).toBeVisible();
}
