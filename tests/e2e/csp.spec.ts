import { expect, test, type Page } from "@playwright/test";
import { apiSignIn, FIRST, signInWithForm } from "./helpers";
import { waitForServiceWorker } from "./pwa-helpers";

/**
 * The Content-Security-Policy in Chromium (server/http/security-headers.ts): every page of every
 * role, signed out and in, the subscriber's in both languages, and the offline page, load and run
 * with no violation reported, neither as a `securitypolicyviolation` event nor on the console;
 * the service worker registers and the charts draw under the policy.
 */

type Violation = { url: string; directive: string; blocked: string; sample: string };

/** Collects what the page reports: violation events (from every document the page opens) and console complaints. */
async function watchPolicy(page: Page): Promise<string[]> {
  const reported: string[] = [];
  await page.exposeFunction("__reportPolicyViolation", (violation: Violation) => {
    reported.push(`${violation.url}: ${violation.directive} blocked ${violation.blocked} ${violation.sample}`.trim());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportPolicyViolation: (violation: Violation) => void })
        .__reportPolicyViolation;
      report({
        url: location.pathname,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  page.on("console", (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy|Permissions[- ]Policy/i.test(text)) reported.push(`console: ${text}`);
  });
  return reported;
}

/** Waits until the page's scripts ran (Next.js's bootstrap) and the browser is idle, so late chunks have loaded. */
async function settle(page: Page) {
  await page.waitForFunction(() => (window as unknown as { next?: { appDir?: boolean } }).next?.appDir === true);
  for (let i = 0; i < 2; i++)
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 3000 })));
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const policy = (await response!.allHeaders())["content-security-policy"];
  expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
  await settle(page);
}

/** Where the first link matching the selector on the current page goes, once it is there (lists may load after the page). */
async function firstLink(page: Page, selector: string): Promise<string> {
  const link = page.locator(selector).first();
  await expect(link, `${selector} on ${page.url()}`).toBeAttached();
  return (await link.getAttribute("href"))!;
}

test.describe("Content-Security-Policy: no violation on any page", () => {
  test("signed out: sign-in, password recovery, activation and the offline page", async ({ page }) => {
    const reported = await watchPolicy(page);
    for (const path of ["/", "/sign-in", "/forgot-password", "/activate", "/reset/not-a-token", "/second-factor"])
      await visit(page, path);
    // The offline page (public/offline.html) runs its inline script by its hash: it translates itself.
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: FIRST }]);
    await page.goto("/offline.html");
    await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
    expect(reported).toEqual([]);

    // What an injected inline handler meets: blocked, and reported where this spec looks.
    await visit(page, "/sign-in");
    await page.evaluate(() =>
      document.body.insertAdjacentHTML(
        "beforeend",
        '<img src="/icons/favicon-32.png" onload="window.__injected = true">',
      ),
    );
    await expect.poll(() => reported.length).toBeGreaterThan(0);
    expect(reported.join("\n")).toContain("script-src");
    expect(await page.evaluate(() => "__injected" in window)).toBe(false);
  });

  for (const language of ["ru", "en"] as const) {
    test(`subscriber pages in ${language}, the service worker and the usage chart`, async ({ page }) => {
      const reported = await watchPolicy(page);
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: language, url: FIRST }]);
      if (language === "ru") {
        // Through the form once: next-auth's client calls under the policy.
        await signInWithForm(page, "+79001000001");
        await expect(page).toHaveURL(/\/dashboard$/);
      } else {
        expect((await apiSignIn(page.request, FIRST, "+79001000001")).ok).toBe(true);
      }
      await visit(page, "/dashboard");
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      await waitForServiceWorker(page);
      // The usage chart (recharts) draws when scrolled to.
      const chart = page.locator("main [role=img]").first();
      await chart.scrollIntoViewIfNeeded();
      await expect(page.locator(".recharts-surface").first()).toBeVisible();

      await visit(page, "/bills");
      const bill = await firstLink(page, 'a[href^="/bills/"]:not([href$="/pdf"])');
      await visit(page, "/requests");
      const request = await firstLink(page, 'a[href^="/requests/"]:not([href="/requests/new"])');
      for (const path of [bill, request, "/requests/new", "/tariffs", "/profile", "/sim"]) await visit(page, path);
      expect(reported).toEqual([]);
    });
  }

  test("agent pages", async ({ page }) => {
    const reported = await watchPolicy(page);
    expect((await apiSignIn(page.request, FIRST, "agent1@selfcare.test")).ok).toBe(true);
    await visit(page, "/agent");
    const request = await firstLink(page, 'a[href^="/agent/requests/"]');
    await visit(page, request);
    const customer = await firstLink(page, 'a[href^="/agent/customers/"]');
    for (const path of [customer, "/agent/customers"]) await visit(page, path);
    expect(reported).toEqual([]);
  });

  test("dealer pages and the figures chart", async ({ page }) => {
    const reported = await watchPolicy(page);
    expect((await apiSignIn(page.request, FIRST, "dealer1@selfcare.test")).ok).toBe(true);
    await visit(page, "/partner");
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    for (const path of ["/partner/register", "/partner/customers", "/partner/orders", "/partner/sim"])
      await visit(page, path);
    expect(reported).toEqual([]);
  });

  test("supervisor pages and the report charts", async ({ page }) => {
    const reported = await watchPolicy(page);
    expect((await apiSignIn(page.request, FIRST, "admin@selfcare.test")).ok).toBe(true);
    await visit(page, "/admin/reports");
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    await visit(page, "/admin/knowledge");
    const article = await firstLink(page, 'a[href^="/admin/knowledge/"]:not([href="/admin/knowledge/new"])');
    const pages = ["/admin", "/admin/approvals", "/admin/audit", "/admin/credit", "/admin/knowledge/new", article];
    for (const path of [...pages, "/admin/routing", "/admin/sms", "/admin/tariffs", "/admin/addons", "/admin/users"])
      await visit(page, path);
    expect(reported).toEqual([]);
  });
});
