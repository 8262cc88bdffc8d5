import { chromium } from "@playwright/test";
const base = "http://localhost:3790";
const [, , path, width, ...ids] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await (await browser.newContext({ viewport: { width: Number(width), height: 800 }, locale: "ru-RU" })).newPage();
await page.goto(`${base}/sign-in`);
await page.locator("input[name=identifier], #identifier").first().fill("admin@selfcare.test");
await page.locator("input[type=password]").first().fill("selfcare-demo");
await page.locator("form button[type=submit]").first().click();
await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
await page.goto(`${base}${path}`);
await page.waitForLoadState("networkidle");
console.log("scrollWidth", await page.evaluate(() => document.documentElement.scrollWidth));
for (const id of ids) {
  await page.locator(`section[aria-labelledby="${id}"]`).first().screenshot({ path: `/tmp/shots/sec-${id}-${width}.png` });
  console.log("saved", id);
}
await browser.close();
