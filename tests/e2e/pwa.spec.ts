import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, expect, test } from "@playwright/test";
import { FIRST, trpcQuery } from "./helpers";
import {
  cachedPages,
  goOffline,
  goOnline,
  openSignedIn,
  outboxItems,
  signIn,
  waitForServiceWorker,
} from "./pwa-helpers";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

test.describe("installable app", () => {
  test("the manifest names the app, its icons and shortcuts, in the visitor's language", async ({ request }) => {
    const ru = await request.get(`${FIRST}/manifest.webmanifest`, { headers: { "Accept-Language": "ru-RU,ru;q=0.9" } });
    expect(ru.headers()["content-type"]).toContain("application/manifest+json");
    const manifest = await ru.json();
    expect(manifest).toMatchObject({
      short_name: "Selfcare",
      start_url: "/dashboard",
      display: "standalone",
      theme_color: "#4f46e5",
      lang: "ru",
    });
    expect(manifest.icons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sizes: "192x192", purpose: "any" }),
        expect.objectContaining({ sizes: "512x512", purpose: "any" }),
        expect.objectContaining({ sizes: "512x512", purpose: "maskable" }),
      ]),
    );
    expect(manifest.shortcuts.map((s: { name: string; url: string }) => [s.name, s.url])).toEqual([
      ["Счета", "/bills"],
      ["Новая заявка", "/requests/new"],
    ]);
    for (const icon of manifest.icons) {
      const file = await request.get(`${FIRST}${icon.src}`);
      expect(file.headers()["content-type"]).toBe("image/png");
      const png = await file.body();
      // PNG width and height live at bytes 16..24 of the IHDR chunk.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
    const en = await (
      await request.get(`${FIRST}/manifest.webmanifest`, { headers: { "Accept-Language": "en-GB" } })
    ).json();
    expect(en.shortcuts[1].name).toBe("New request");
  });

  test("the service worker is served with no long HTTP caching", async ({ request }) => {
    const response = await request.get(`${FIRST}/sw.js`);
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("no-cache");
    expect(response.headers()["content-type"]).toContain("javascript");
    const source = await response.text();
    // Workbox injected the build's static files and the offline page.
    expect(source).toContain("/_next/static/");
    expect(source).toContain("/offline.html");
  });

  test("Chromium finds no installability errors and parses the manifest (DevTools protocol)", async () => {
    // A persistent profile: Chromium never offers installation in an incognito context.
    const profile = await mkdtemp(path.join(os.tmpdir(), "selfcare-install-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu"],
      baseURL: FIRST,
      locale: "ru-RU",
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto("/sign-in");
      await waitForServiceWorker(page);
      const cdp = await context.newCDPSession(page);
      const manifest = await cdp.send("Page.getAppManifest");
      expect(manifest.url).toBe(`${FIRST}/manifest.webmanifest`);
      expect(manifest.errors).toEqual([]);
      expect(JSON.parse(manifest.data ?? "{}").name).toBe("Selfcare — личный кабинет");
      await expect
        .poll(async () => (await cdp.send("Page.getInstallabilityErrors")).installabilityErrors, { timeout: 15_000 })
        .toEqual([]);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
});

test.describe("service worker and offline reading", () => {
  test("activates, then shows the dashboard offline as last seen, with an 'offline, as of' banner", async ({
    page,
    context,
  }) => {
    await openSignedIn(page, "+79001000003");
    await waitForServiceWorker(page);
    await page.goto("/dashboard");
    const summary = (await trpcQuery(page.request, FIRST, "account.summary")).body.result.data.json;
    await expect(page.getByRole("main")).toContainText(summary.accountNumber);
    const loadedAt = Date.now();
    await expect.poll(async () => (await cachedPages(page))["selfcare-pages-html"] ?? []).toContain("/dashboard");

    await goOffline(context);
    await page.goto("/dashboard");
    const main = page.getByRole("main");
    await expect(main).toContainText(summary.accountNumber);
    await expect(main).toContainText(summary.name);
    const banner = page.getByTestId("offline-banner");
    await expect(banner).toContainText("Нет сети. Показаны данные на");
    const asOf = Date.parse((await banner.getAttribute("data-as-of"))!);
    expect(Math.abs(asOf - loadedAt)).toBeLessThan(60_000);

    // A page never opened on this device: the offline page, which lists what is saved.
    await page.goto("/tariffs");
    await expect(page.getByRole("heading", { name: "Нет сети" })).toBeVisible();
    await expect(page.getByText("Эта страница ещё не открывалась на этом устройстве")).toBeVisible();
    await expect(page.getByRole("link", { name: "Главная" })).toBeVisible();

    await expect(page.getByRole("button", { name: "Попробовать снова" })).toBeVisible();
    // Back online, the page loads again.
    await goOnline(context);
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("heading", { name: "Нет сети" })).toBeHidden({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  });

  test("after sign-in the app's start page and shortcuts open offline, even if only reached by client-side navigation", async ({
    page,
    context,
  }) => {
    await signIn(page, "+79001000002");
    await waitForServiceWorker(page);
    // The worker fetches the subscriber's main views in the background once it knows who signed in.
    await expect
      .poll(async () => (await cachedPages(page))["selfcare-pages-html"] ?? [], { timeout: 20_000 })
      .toEqual(expect.arrayContaining(["/dashboard", "/bills", "/requests", "/requests/new"]));
    const me = (await trpcQuery(page.request, FIRST, "me.get")).body.result.data.json;

    await goOffline(context);
    for (const path of ["/dashboard", "/bills", "/requests/new"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Нет сети" })).toHaveCount(0);
      await expect(page.getByTestId("offline-banner")).toBeVisible();
    }
    await expect(page.getByRole("banner")).toContainText(me.name);
    await goOnline(context);
  });

  test("/bills and a bill page open offline with the data seen before, the worker's own fetches cut too", async ({
    page,
    context,
  }) => {
    await openSignedIn(page, "+79001000001");
    await waitForServiceWorker(page);
    const bills = (await trpcQuery(page.request, FIRST, "bill.list", { limit: 5 })).body.result.data.json.items as {
      id: string;
      number: string;
    }[];
    expect(bills.length).toBeGreaterThan(0);
    const [bill] = bills;

    await page.goto("/bills");
    const main = page.getByRole("main");
    await expect(main).toContainText(bill!.number);
    const listOnline = await main.innerText();
    // A client-side navigation (an RSC request) to the bill, then a full load of it.
    await page.locator(`a[href="/bills/${bill!.id}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/bills/${bill!.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto(`/bills/${bill!.id}`);
    await expect(main).toContainText(bill!.number);
    const billOnline = await main.innerText();
    const amounts = billOnline.split("\n").filter((line) => line.includes("₽"));
    expect(amounts.length).toBeGreaterThan(0);
    await expect
      .poll(async () => (await cachedPages(page))["selfcare-pages-rsc"] ?? [])
      .toContain(`/bills/${bill!.id}?__rsc=1`);

    await goOffline(context);
    await page.goto("/bills");
    await expect(main).toContainText(bill!.number);
    await expect(page.getByTestId("offline-banner")).toContainText("Нет сети. Показаны данные на");
    for (const other of bills.slice(1)) {
      if (listOnline.includes(other.number)) await expect(main).toContainText(other.number);
    }

    await page.goto(`/bills/${bill!.id}`);
    await expect(main).toContainText(bill!.number);
    for (const amount of amounts) await expect(main).toContainText(amount);
    await expect(page.getByTestId("offline-banner")).toBeVisible();

    // And reached by a tap in the list, without a full load.
    await page.goto("/bills");
    await page.locator(`a[href="/bills/${bill!.id}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/bills/${bill!.id}$`));
    await expect(main).toContainText(amounts[0]!);
    await goOnline(context);
  });

  test("a slow server: the last copy shows after the timeout, then the server's answer replaces it", async ({
    page,
    context,
  }) => {
    await openSignedIn(page, "+79001000003");
    await waitForServiceWorker(page);
    await page.goto("/profile");
    await expect.poll(async () => (await cachedPages(page))["selfcare-pages-html"] ?? []).toContain("/profile");
    const copiedBefore = Date.now();

    // The page's HTML takes 15 s (well past the worker's 5 s, so a loaded machine still shows the
    // copy before the answer arrives); everything else is quick.
    await context.route("**/profile", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 15_000));
      await route.continue().catch(() => undefined);
    });
    const started = Date.now();
    await page.goto("/profile");
    const banner = page.getByTestId("offline-banner");
    await expect(banner).toContainText("Сервер недоступен. Показаны данные на");
    expect(Date.parse((await banner.getAttribute("data-as-of"))!)).toBeLessThanOrEqual(copiedBefore);
    await expect(page.getByRole("heading", { name: "Профиль", level: 1 })).toBeVisible();
    // The server's answer arrives: the page refreshes itself and the banner goes.
    await expect(banner).toHaveCount(0, { timeout: 30_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(14_000);
    await expect(page.getByRole("heading", { name: "Профиль", level: 1 })).toBeVisible();
    await context.unrouteAll({ behavior: "ignoreErrors" });
  });

  test("a client-side navigation offline is served from the cached React Server Component payload", async ({
    page,
    context,
  }) => {
    await openSignedIn(page, "+79001000002");
    await waitForServiceWorker(page);
    await page.goto("/dashboard");
    await page.getByRole("link", { name: "Профиль" }).first().click();
    await expect(page.getByRole("heading", { name: "Профиль", level: 1 })).toBeVisible();
    await expect.poll(async () => (await cachedPages(page))["selfcare-pages-rsc"] ?? []).toContain("/profile?__rsc=1");
    const pages = await cachedPages(page);
    // HTML and RSC are kept apart: the RSC entry is not an HTML entry.
    expect(pages["selfcare-pages-html"] ?? []).not.toContain("/profile?__rsc=1");

    await page.goto("/dashboard");
    await goOffline(context);
    await page.getByRole("link", { name: "Профиль" }).first().click();
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole("heading", { name: "Профиль", level: 1 })).toBeVisible();
    await expect(page.getByTestId("offline-banner")).toBeVisible();
    await goOnline(context);
  });

  test("sign-out empties the caches and the outbox; the next user never sees the previous one's pages", async ({
    page,
    context,
  }) => {
    await openSignedIn(page, "+79001000001");
    await waitForServiceWorker(page);
    await page.goto("/dashboard");
    const platinum = (await trpcQuery(page.request, FIRST, "account.summary")).body.result.data.json;
    await page.goto("/profile");
    await expect.poll(async () => Object.values(await cachedPages(page)).flat().length).toBeGreaterThanOrEqual(2);

    await page.getByRole("button", { name: "Выйти" }).first().click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect.poll(async () => Object.values(await cachedPages(page)).flat()).toEqual([]);
    expect(await outboxItems(page)).toEqual([]);

    // Someone else signs in on the same device and goes offline.
    await signIn(page, "+79001000003");
    await waitForServiceWorker(page);
    await page.goto("/dashboard");
    await goOffline(context);
    await page.goto("/profile");
    // Never opened by this user: the offline page, not the previous user's profile.
    await expect(page.getByRole("heading", { name: "Нет сети" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText(platinum.accountNumber);
    await page.goto("/dashboard");
    await expect(page.getByRole("main")).not.toContainText(platinum.accountNumber);
    await goOnline(context);
  });
});

test.describe("updates", () => {
  test("a new service worker waiting shows 'a new version is available' and reloads on request", async ({ page }) => {
    await openSignedIn(page, "+79001000002");
    await waitForServiceWorker(page);
    // A deployment: the registration gets another worker script, which installs and waits.
    await page.evaluate(() => navigator.serviceWorker.register("/sw.js?deployment=2", { scope: "/" }));
    const prompt = page.getByRole("status").filter({ hasText: "Доступна новая версия." });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    // Nothing changes until the user asks for it.
    expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(`${FIRST}/sw.js`);

    const reloaded = page.waitForEvent("load");
    await prompt.getByRole("button", { name: "Обновить" }).click();
    await reloaded;
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL))
      .toBe(`${FIRST}/sw.js?deployment=2`);
    await expect(page.getByText("Доступна новая версия.")).toHaveCount(0);
    await expect(page.getByRole("main")).toBeVisible();
  });
});
