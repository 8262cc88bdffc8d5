import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const PASSWORD = "selfcare-demo";
const port = Number(process.env.E2E_PORT ?? 3100);
export const FIRST = `http://localhost:${port}`;
export const SECOND = `http://localhost:${port + 1}`;

/** Signs in through the public contract: GET /api/auth/csrf, then POST the credentials form. */
export async function apiSignIn(request: APIRequestContext, base: string, identifier: string, password = PASSWORD) {
  const { csrfToken } = await (await request.get(`${base}/api/auth/csrf`)).json();
  const response = await request.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken, identifier, password, json: "true" },
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

export async function signInWithForm(page: Page, identifier: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Телефон или e-mail").fill(identifier);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
}

export async function expectSignedOut(request: APIRequestContext, base: string) {
  const me = await trpcQuery(request, base, "me.get");
  expect(me.status).toBe(401);
}
