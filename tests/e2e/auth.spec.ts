import { expect, request as playwrightRequest, test } from "@playwright/test";
import { apiSignIn, expectSignedOut, FIRST, SECOND, signInWithForm, trpcQuery } from "./helpers";

test.describe("health", () => {
  for (const base of [FIRST, SECOND]) {
    test(`GET /api/health on ${base}`, async ({ request }) => {
      const response = await request.get(`${base}/api/health`);
      expect(response.status()).toBe(200);
      expect(await response.json()).toEqual({ status: "ok", db: "ok" });
    });
  }
});

test.describe("sign-in in the browser", () => {
  const homes = [
    { identifier: "+7 900 100-00-01", path: "/dashboard", role: "SUBSCRIBER" },
    { identifier: "89001000002", path: "/dashboard", role: "SUBSCRIBER" },
    { identifier: "+79001000003", path: "/dashboard", role: "SUBSCRIBER" },
    { identifier: "agent1@selfcare.test", path: "/agent", role: "AGENT" },
    { identifier: "AGENT2@selfcare.test", path: "/agent", role: "AGENT" },
    { identifier: "dealer1@selfcare.test", path: "/partner", role: "PARTNER" },
    { identifier: "dealer2@selfcare.test", path: "/partner", role: "PARTNER" },
    { identifier: "admin@selfcare.test", path: "/admin", role: "ADMIN" },
  ];
  for (const { identifier, path, role } of homes) {
    test(`${identifier} lands on ${path} as ${role}`, async ({ page }) => {
      await signInWithForm(page, identifier);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      const me = await trpcQuery(page.request, FIRST, "me.get");
      expect(me.body.result.data.json.role).toBe(role);
      // The shell's header names who is signed in, whatever the role's home shows.
      await expect(page.getByRole("banner")).toContainText(me.body.result.data.json.name.split(" ")[0]);
    });
  }

  test("the subscriber home shows their account number and lines", async ({ page }) => {
    await signInWithForm(page, "+79001000001");
    await expect(page).toHaveURL(/\/dashboard$/);
    const summary = await trpcQuery(page.request, FIRST, "account.summary");
    const { accountNumber, lines } = summary.body.result.data.json;
    await expect(page.getByRole("main")).toContainText(accountNumber);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    await expect(page.getByRole("main")).toContainText("900 100-00-01");
  });

  test("a wrong password is refused with a message and no session", async ({ page }) => {
    await signInWithForm(page, "+79001000003", "not-the-password");
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await expectSignedOut(page.request, FIRST);
  });

  test("sign-out ends the session, also for a copied cookie", async ({ page, browser }) => {
    await signInWithForm(page, "admin@selfcare.test");
    await expect(page).toHaveURL(/\/admin$/);
    const cookies = await page.context().cookies();

    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    // Someone who kept the old cookie gets nothing.
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    await expectSignedOut(replay.request, FIRST);
    await replay.close();
  });
});

test.describe("throttling", () => {
  test("after 10 failures from one address the form says when to try again, on every instance", async ({ page }) => {
    const identifier = "+79005550101";
    const api = await playwrightRequest.newContext();
    // Failures alternate between the two instances: the count lives in the database.
    for (let i = 0; i < 9; i++) {
      const result = await apiSignIn(api, i % 2 ? SECOND : FIRST, identifier, `wrong-${i}`);
      expect(result.error).toBe("INVALID");
    }
    const tenth = await apiSignIn(api, SECOND, identifier, "wrong-9");
    expect(tenth.error).toMatch(/^THROTTLED:/);
    const refused = await apiSignIn(api, FIRST, identifier, "again");
    expect(refused.error).toMatch(/^THROTTLED:/);
    await api.dispose();

    // The browser may reach the server from another address (::1 or 127.0.0.1), so it fails on its
    // own number: the tenth failure from one address locks that address out of it.
    for (let i = 0; i < 9; i++) {
      await signInWithForm(page, "+79005550102", `wrong-${i}`);
      await expect(page.getByRole("alert")).toContainText("Неверный");
    }
    await signInWithForm(page, "+79005550102", "wrong-9");
    await expect(page.getByRole("alert")).toContainText(/\d{1,2}:\d{2}/);
  });
});

test.describe("two app instances on one database", () => {
  test("a session opened on one instance works on the other and ends on both", async () => {
    const api = await playwrightRequest.newContext();
    expect((await apiSignIn(api, FIRST, "+79001000001")).ok).toBe(true);
    const onSecond = await trpcQuery(api, SECOND, "me.get");
    expect(onSecond.status).toBe(200);
    expect(onSecond.body.result.data.json.role).toBe("SUBSCRIBER");

    const signedIn = await api.storageState();

    const { csrfToken } = await (await api.get(`${SECOND}/api/auth/csrf`)).json();
    await api.post(`${SECOND}/api/auth/signout`, { form: { csrfToken, json: "true" }, maxRedirects: 0 });
    await api.dispose();

    // The old cookie, replayed on the first instance, no longer opens anything.
    const replay = await playwrightRequest.newContext({ storageState: signedIn });
    await expectSignedOut(replay, FIRST);
    await replay.dispose();
  });
});
