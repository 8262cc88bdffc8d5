// Temporary helper for manual screenshots (deleted before handing in).
import { chromium } from "@playwright/test";
const base = process.env.BASE ?? "http://localhost:3790";
const [, , path = "/admin", name = "page", widthArg = "1280", who = "admin@selfcare.test", locale = "ru"] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const context = await browser.newContext({ viewport: { width: Number(widthArg), height: 900 }, locale: locale === "en" ? "en-US" : "ru-RU" });
const page = await context.newPage();
page.on("console", (msg) => { if (msg.type() === "error") console.log("console error:", msg.text()); });
await page.goto(`${base}/sign-in`);
await page.locator("input[name=identifier], #identifier").first().fill(who);
await page.locator("input[type=password]").first().fill("selfcare-demo");
await page.locator("form button[type=submit]").first().click();
await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 60000 });
if (locale === "en") await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: base }]);
await page.goto(`${base}${path}`, { timeout: 120000 });
await page.waitForLoadState("networkidle", { timeout: 120000 });
if (process.env.CLICK) { await page.getByRole("button", { name: new RegExp(process.env.CLICK) }).first().click(); await page.waitForLoadState("networkidle"); await page.waitForTimeout(1500); }
await page.screenshot({ path: `/tmp/shots/${name}-${widthArg}.png`, fullPage: true });
console.log("saved", `/tmp/shots/${name}-${widthArg}.png`);
await browser.close();
