import { expect, test, type Page } from "@playwright/test";
import { findQuietSubscriberPhone, markFailedSignInsElsewhere, readCodeFromOutbox } from "./database";
import { apiSignIn, FIRST, PASSWORD, trpcQuery } from "./helpers";

const TEXT = {
  ru: {
    codeTitle: "Вход по коду из SMS",
    phone: "Номер телефона",
    send: "Получить код",
    sent: "код из 6 цифр",
    code: "Код из SMS",
    confirm: "Продолжить",
    identifier: "Телефон или e-mail",
    password: "Пароль",
    signIn: "Войти",
    stepUp: "одного пароля недостаточно",
    forgot: "Забыли пароль?",
    newPassword: "Новый пароль",
    save: "Сохранить новый пароль",
  },
  en: {
    codeTitle: "Get a code by SMS",
    phone: "Phone number",
    send: "Get a code",
    sent: "a 6-digit code is on its way",
    code: "Code from the SMS",
    confirm: "Continue",
    identifier: "Phone or e-mail",
    password: "Password",
    signIn: "Sign in",
    stepUp: "a password alone does not open it",
    forgot: "Forgot your password?",
    newPassword: "New password",
    save: "Set the new password",
  },
} as const;

type Language = keyof typeof TEXT;

async function openSignIn(page: Page, language: Language) {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: language, url: FIRST }]);
  await page.goto("/sign-in");
}

async function expectSubscriberDashboard(page: Page) {
  await expect(page).toHaveURL(/\/dashboard$/);
  const me = await trpcQuery(page.request, FIRST, "me.get");
  expect(me.body.result.data.json.role).toBe("SUBSCRIBER");
  // Nothing on the page is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

// Each language takes its own generated subscribers, so the journeys do not share codes or limits.
for (const [offset, language] of [
  [0, "ru"],
  [3, "en"],
] as const) {
  const text = TEXT[language];

  test.describe(`one-time SMS codes (${language})`, () => {
    test("a subscriber signs in with a code from the SMS, at 360 px", async ({ page }) => {
      const phone = await findQuietSubscriberPhone(offset);
      await openSignIn(page, language);
      // The code comes first on the page, the password second.
      const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
      expect(headings[0]).toContain(text.codeTitle);
      await page.getByLabel(text.phone).fill(phone);
      await page.getByRole("button", { name: text.send }).click();
      await expect(page.getByRole("status").filter({ hasText: text.sent })).toBeVisible();

      // The job delivers it to the development outbox (the demo data has no SMS provider).
      const code = await readCodeFromOutbox(phone);
      await page.getByLabel(text.code).fill(code);
      await page.getByRole("button", { name: text.confirm }).click();
      await expectSubscriberDashboard(page);
    });

    test("a subscriber who forgot the password sets a new one with a code and is signed in", async ({
      page,
      playwright,
    }) => {
      const phone = await findQuietSubscriberPhone(offset + 1);
      const newPassword = `amber-violin-harbour-${language}-9`;
      await openSignIn(page, language);
      await page.getByRole("link", { name: text.forgot }).click();
      await expect(page).toHaveURL(/\/forgot-password$/);
      await page.getByLabel(text.phone).fill(phone);
      await page.getByRole("button", { name: text.send }).click();
      const code = await readCodeFromOutbox(phone);
      await page.getByLabel(text.code).fill(code);
      await page.getByLabel(text.newPassword).fill(newPassword);
      await page.getByRole("button", { name: text.save }).click();
      await expectSubscriberDashboard(page);

      // The new password works through the public sign-in contract; the old one does not.
      const api = await playwright.request.newContext();
      expect((await apiSignIn(api, FIRST, phone, newPassword)).ok).toBe(true);
      const another = await playwright.request.newContext();
      expect((await apiSignIn(another, FIRST, phone)).error).toBe("INVALID");
      await api.dispose();
      await another.dispose();
    });

    test("after strangers' failures elsewhere, the owner's password asks for a code, and the code gets them in", async ({
      page,
    }) => {
      const phone = await findQuietSubscriberPhone(offset + 2);
      await markFailedSignInsElsewhere(phone);
      await openSignIn(page, language);
      await page.getByLabel(text.identifier).fill(phone);
      await page.getByLabel(text.password, { exact: true }).fill(PASSWORD);
      await page.getByRole("button", { name: text.signIn, exact: true }).click();

      // Not locked: the code form says why, with the number filled in.
      await expect(page.getByRole("status").filter({ hasText: text.stepUp })).toBeVisible();
      await expect(page.getByLabel(text.phone)).toHaveValue(phone);
      await page.getByRole("button", { name: text.send }).click();
      const code = await readCodeFromOutbox(phone);
      await page.getByLabel(text.code).fill(code);
      await page.getByRole("button", { name: text.confirm }).click();
      await expectSubscriberDashboard(page);
    });
  });
}
