import { expect, test } from "@playwright/test";
import { FIRST, signInWithForm } from "./helpers";

// The dashboard on a phone: the usage charts (recharts) load after the page, only when scrolled
// to, into a box of fixed height, while the text summary is there from the first paint.
test.describe("dashboard on a phone", () => {
  test.use({ viewport: { width: 360, height: 800 } });

  test("the usage chart's summary shows at once; its bars load when scrolled to, without moving anything", async ({
    page,
  }) => {
    await signInWithForm(page, "+79001000001");
    await expect(page).toHaveURL(/\/dashboard$/);
    const firstLine = page.locator("article").first();
    await expect(firstLine.getByRole("heading", { name: "Последние 30 дней" })).toBeVisible();
    const chart = firstLine.getByRole("img", { name: /за последние 30 дней, в среднем .* в день/ });
    await expect(chart).toHaveCount(1);
    const before = await chart.boundingBox();
    expect(before?.height).toBe(144);
    // Below the fold on a phone: once the page has settled, nothing of recharts is drawn yet.
    await page.waitForLoadState("networkidle");
    await expect(page.locator(".recharts-surface")).toHaveCount(0);

    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
    const after = await chart.boundingBox();
    expect(after?.height).toBe(144);

    // The resource switch redraws the bars and the summary.
    await firstLine.getByRole("button", { name: "Минуты" }).click();
    await expect(firstLine.getByRole("img", { name: /мин за последние 30 дней/ })).toBeVisible();
  });

  test("in English, the client parts of the subscriber pages have their texts (no missing keys)", async ({ page }) => {
    const missing: string[] = [];
    page.on("console", (message) => {
      if (/MISSING_MESSAGE|missing message/i.test(message.text())) missing.push(message.text());
    });
    await signInWithForm(page, "+79001000001");
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: FIRST }]);
    await page.goto("/dashboard");
    await expect(page.locator("article").first().getByRole("group", { name: "Show" })).toBeVisible();
    await page.goto("/requests/new");
    await expect(page.getByRole("radio", { name: /Something else/ })).toBeVisible();
    await page.goto("/profile");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(missing).toEqual([]);
  });
});

// The subscriber pages have no loading boundary: a page's content is in its first HTML, and a tap
// on a tab shows a spinner on that tab until the next page arrives.
test.describe("subscriber navigation", () => {
  test.use({ viewport: { width: 360, height: 800 }, serviceWorkers: "block" });

  test("the dashboard's content comes with the first HTML, not after a skeleton", async ({ page }) => {
    await signInWithForm(page, "+79001000002");
    await expect(page).toHaveURL(/\/dashboard$/);
    const html = await (await page.request.get("/dashboard")).text();
    const heading = html.indexOf("<h1");
    expect(heading).toBeGreaterThan(-1);
    // React streams late Suspense content in hidden <div id="S:n"> blocks after the shell.
    expect(html.slice(0, heading)).not.toMatch(/<div hidden(="")? id="S:/);
    expect(html).not.toContain("animate-pulse");
  });

  test("a tab shows a spinner while its page is on the way, and the page replaces it", async ({ page }) => {
    await signInWithForm(page, "+79001000002");
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.waitForLoadState("networkidle");
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/bills\?_rsc=/, async (route) => {
      const headers = route.request().headers();
      if (!headers["next-router-prefetch"] && !headers["next-router-segment-prefetch"]) await released;
      await route.continue();
    });
    const tabs = page.getByRole("navigation", { name: "Основная навигация" }).last();
    await tabs.getByRole("link", { name: "Счета" }).click();
    await expect(tabs.getByTestId("nav-pending")).toBeVisible();
    await expect(page).toHaveURL(/\/dashboard$/);
    release();
    await expect(page).toHaveURL(/\/bills$/);
    await expect(page.getByRole("heading", { name: "Счета", level: 1 })).toBeVisible();
    await expect(page.getByTestId("nav-pending")).toHaveCount(0);
  });
});
