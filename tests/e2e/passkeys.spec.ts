import { expect, test, type Page } from "@playwright/test";
import { demoTotpCode } from "../../server/domain/identity/totp";
import { findQuietSubscriberPhone } from "./database";
import { FIRST, PASSWORD, trpcMutation, trpcQuery } from "./helpers";

// The passkey buttons' labels do not contain the words other journeys click by ("Войти", "Sign in", "Confirm").
const TEXT = {
  ru: {
    identifier: "Телефон или e-mail",
    password: "Пароль",
    signIn: "Войти",
    totp: "Код из приложения",
    confirm: "Подтвердить",
    passkeySignIn: "Вход по ключу доступа",
    passkeyInsteadOfCode: "Или подтвердите ключом доступа вместо кода",
    passkeys: "Ключи доступа",
    add: "Добавить ключ доступа",
    added: "добавлен",
    signOut: "Выйти",
    unknown: "Этот ключ доступа здесь не знают",
  },
  en: {
    identifier: "Phone or e-mail",
    password: "Password",
    signIn: "Sign in",
    totp: "Code from the app",
    confirm: "Confirm",
    passkeySignIn: "Use a passkey",
    passkeyInsteadOfCode: "Or use a passkey instead of the code",
    passkeys: "Passkeys",
    add: "Add a passkey",
    added: "added",
    signOut: "Sign out",
    unknown: "This passkey is not known here",
  },
} as const;

type Language = keyof typeof TEXT;

/**
 * Chromium's virtual authenticator (DevTools protocol): a platform authenticator with resident keys
 * that verifies the user at once, as a phone's fingerprint reader would.
 */
async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return { cdp, authenticatorId };
}

async function openSignIn(page: Page, language: Language) {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: language, url: FIRST }]);
  await page.goto("/sign-in");
}

async function signInWithPassword(page: Page, language: Language, identifier: string) {
  const text = TEXT[language];
  await page.getByLabel(text.identifier).fill(identifier);
  await page.getByLabel(text.password).fill(PASSWORD);
  await page.getByRole("button", { name: text.signIn, exact: true }).click();
}

async function addPasskeyHere(page: Page, language: Language) {
  const text = TEXT[language];
  const card = page.locator("section, div").filter({ has: page.getByRole("heading", { name: text.passkeys }) });
  await expect(page.getByRole("heading", { name: text.passkeys })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: text.add }).click();
  await expect(page.getByRole("status").filter({ hasText: text.added })).toBeVisible({ timeout: 15_000 });
  await expect(card.getByTestId("passkey").first()).toBeVisible();
}

async function signOut(page: Page, language: Language) {
  await page.getByRole("button", { name: TEXT[language].signOut }).first().click();
  await expect(page).toHaveURL(/\/sign-in/, { timeout: 30_000 });
}

async function roleOf(page: Page): Promise<string> {
  const me = await trpcQuery(page.request, FIRST, "me.get");
  return me.body.result.data.json.role;
}

for (const [offset, language] of [
  [30, "ru"],
  [31, "en"],
] as const) {
  const text = TEXT[language];

  test.describe(`passkeys (${language})`, () => {
    test("a subscriber adds a passkey in the profile and signs in with one touch, at 360 px", async ({ page }) => {
      test.setTimeout(120_000);
      await addVirtualAuthenticator(page);
      const phone = await findQuietSubscriberPhone(offset);
      await openSignIn(page, language);
      await signInWithPassword(page, language, phone);
      await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });

      await page.goto("/profile");
      await addPasskeyHere(page, language);
      const listed = await trpcQuery(page.request, FIRST, "passkey.list");
      expect(listed.body.result.data.json.items).toHaveLength(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      await signOut(page, language);
      await openSignIn(page, language);
      await page.getByRole("button", { name: text.passkeySignIn, exact: true }).click();
      await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
      expect(await roleOf(page)).toBe("SUBSCRIBER");
      const after = await trpcQuery(page.request, FIRST, "passkey.list");
      expect(after.body.result.data.json.items[0].lastUsedAt).not.toBeNull();

      // Removed, the passkey no longer opens the account, and the page says why.
      const removed = await trpcMutation(page.request, FIRST, "passkey.remove", {
        id: after.body.result.data.json.items[0].id,
      });
      expect(removed.status).toBe(200);
      await signOut(page, language);
      await openSignIn(page, language);
      await page.getByRole("button", { name: text.passkeySignIn, exact: true }).click();
      await expect(page.getByRole("alert").filter({ hasText: text.unknown })).toBeVisible({ timeout: 15_000 });
      await expect(page).toHaveURL(/\/sign-in/);
    });

    test("staff sign in with a passkey without the authenticator app's code", async ({ page }) => {
      test.setTimeout(120_000);
      await addVirtualAuthenticator(page);
      const email = language === "ru" ? "agent2@selfcare.test" : "dealer2@selfcare.test";
      const home = language === "ru" ? /\/agent$/ : /\/partner$/;
      const role = language === "ru" ? "AGENT" : "PARTNER";
      await openSignIn(page, language);
      await signInWithPassword(page, language, email);
      await page.getByLabel(text.totp).fill(await demoTotpCode());
      await page.getByRole("button", { name: text.confirm, exact: true }).click();
      await expect(page).toHaveURL(home, { timeout: 30_000 });

      // Staff keep their passkeys with the second factor.
      await page.goto("/second-factor");
      await addPasskeyHere(page, language);
      const listed = await trpcQuery(page.request, FIRST, "passkey.list");
      const passkeyId: string = listed.body.result.data.json.items[0].id;

      try {
        await page.goto(home.source.includes("agent") ? "/agent" : "/partner");
        await signOut(page, language);
        // One touch, no code.
        await openSignIn(page, language);
        await page.getByRole("button", { name: text.passkeySignIn, exact: true }).click();
        await expect(page).toHaveURL(home, { timeout: 30_000 });
        expect(await roleOf(page)).toBe(role);
        await signOut(page, language);

        // After the password, the second step offers the passkey instead of the code.
        await openSignIn(page, language);
        await signInWithPassword(page, language, email);
        await expect(page.getByLabel(text.totp)).toBeVisible();
        await page.getByRole("button", { name: text.passkeyInsteadOfCode }).click();
        await expect(page).toHaveURL(home, { timeout: 30_000 });
        expect(await roleOf(page)).toBe(role);
      } finally {
        // The demo staff account is shared with other journeys: it keeps only its TOTP.
        await trpcMutation(page.request, FIRST, "passkey.remove", { id: passkeyId });
      }
    });
  });
}
