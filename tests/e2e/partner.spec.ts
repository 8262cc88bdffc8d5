import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { findDebtorPassport } from "./database";
import { apiSignIn, FIRST, SECOND, signInWithForm, trpcQuery } from "./helpers";

const TYPING = { delay: 40 };

function passport(): string {
  return `45${randomInt(10, 26)} ${randomInt(100_000, 999_999)}`;
}

async function type(page: Page, label: string | RegExp, text: string) {
  const field = page.getByLabel(label, { exact: typeof label === "string" });
  await field.click();
  await field.pressSequentially(text, TYPING);
}

test.describe("partner portal", () => {
  test("a dealer registers a subscriber in under two minutes, typing like a person; the subscriber activates and signs in", async ({
    page,
    browser,
  }) => {
    await signInWithForm(page, "dealer1@selfcare.test");
    await expect(page).toHaveURL(/\/partner$/);

    const started = Date.now();
    await page.goto("/partner/register");
    await expect(page.getByRole("heading", { level: 1, name: "Регистрация абонента" })).toBeVisible();

    const form = page.locator("form");
    await expect(form.getByRole("radiogroup", { name: "Номер телефона" })).toBeVisible();
    const required = await form.locator('[required], [aria-required="true"]').count();
    console.log(`[partner] required inputs on the registration form: ${required}`);
    // What is sold (SIM card, chosen already), last and first name, birth date, passport, address, tariff, number.
    expect(required).toBe(8);
    expect(required).toBeLessThanOrEqual(12);

    const documentNumber = passport();
    await type(page, "Фамилия", "Соколова");
    await type(page, "Имя", "Дарья");
    await type(page, /^Отчество/, "Андреевна");
    await type(page, "Дата рождения", "14.03.1994");
    await type(page, "Серия и номер паспорта", documentNumber.replace(" ", ""));
    await type(page, "Адрес регистрации", "123112, г. Москва, ул. Тверская, д. 7, кв. 12");
    await type(page, /^Контактный телефон/, "9165551234");
    await type(page, /^Электронная почта/, "daria.sokolova@example.ru");
    // The mask formats as the dealer types.
    await expect(page.getByLabel("Серия и номер паспорта")).toHaveValue(documentNumber);
    await expect(page.getByLabel(/^Контактный телефон/)).toHaveValue("+7 (916) 555-12-34");

    await page.getByRole("radio", { name: /^Смарт 550/ }).check();
    await type(page, "Цифры в номере", "77");
    const numbers = page.getByRole("radiogroup", { name: "Номер телефона" });
    const firstNumber = numbers.getByRole("radio").first();
    // The list follows the typed digits after a pause: wait for the filtered list before picking.
    await expect
      .poll(async () =>
        (
          await numbers
            .getByRole("radio")
            .evaluateAll((radios) => radios.map((radio) => radio.getAttribute("value") ?? ""))
        ).every((value) => value.includes("77")),
      )
      .toBe(true);
    await firstNumber.check();
    const msisdn = await numbers.getByRole("radio", { checked: true }).getAttribute("value");
    await expect(page.getByText(/закреплён за вами до/)).toBeVisible();
    await expect(page.getByText("Одобрено")).toBeVisible();

    await page.getByRole("button", { name: "Зарегистрировать абонента" }).click();
    await expect(page.getByRole("heading", { name: "Абонент зарегистрирован" })).toBeVisible();
    const elapsedMs = Date.now() - started;
    console.log(
      `[partner] registration time, from opening the page to the confirmation: ${(elapsedMs / 1000).toFixed(1)} s`,
    );
    expect(elapsedMs).toBeLessThan(120_000);

    const accountNumber = (await page.getByTestId("account-number").textContent())!.trim();
    const code = (await page.getByTestId("activation-code").textContent())!.trim();
    expect(accountNumber).toMatch(/^\d{10}$/);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // The contract to print: a PDF for this dealer, a 404 for another dealer.
    const contractHref = await page.getByRole("link", { name: "Распечатать договор (PDF)" }).getAttribute("href");
    const contract = await page.request.get(contractHref!);
    expect(contract.status()).toBe(200);
    expect(contract.headers()["content-type"]).toBe("application/pdf");
    expect((await contract.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const otherDealer = await browser.newContext();
    expect((await apiSignIn(otherDealer.request, SECOND, "dealer2@selfcare.test")).ok).toBe(true);
    expect((await otherDealer.request.get(`${SECOND}${contractHref}`)).status()).toBe(404);
    const otherList = await trpcQuery(otherDealer.request, SECOND, "partner.customers", { search: accountNumber });
    expect(otherList.body.result.data.json.items).toEqual([]);
    await otherDealer.close();

    // The dealer's own lists show the new subscriber at once.
    await page.goto("/partner/customers");
    await expect(page.getByRole("row", { name: /Дарья Соколова/ })).toContainText(accountNumber);
    await expect(page.getByRole("row", { name: /Дарья Соколова/ })).toContainText("Кабинет не активирован");

    // The subscriber activates on their own phone and signs in.
    const subscriber = await browser.newContext({ locale: "ru-RU" });
    const phone = await subscriber.newPage();
    await phone.goto(`${FIRST}/sign-in`);
    await phone.getByRole("link", { name: "Активируйте кабинет" }).click();
    await expect(phone).toHaveURL(/\/activate$/);
    await phone.getByLabel("Лицевой счёт или ваш новый номер").fill(accountNumber);
    await phone.getByLabel("Код активации").fill("AAAA-AAAA");
    await phone.getByLabel("Новый пароль").fill("dasha-secret-2026");
    await phone.getByLabel("Повторите пароль").fill("dasha-secret-2026");
    await phone.getByRole("button", { name: "Активировать и войти" }).click();
    await expect(phone.getByText("Код не подходит к этому счёту")).toBeVisible();
    await phone.getByLabel("Код активации").fill(code.toLowerCase());
    await phone.getByRole("button", { name: "Активировать и войти" }).click();
    await expect(phone).toHaveURL(/\/dashboard$/);
    await expect(phone.getByRole("main")).toContainText(accountNumber);
    await expect(phone.getByRole("main")).toContainText(msisdn!.slice(-2));
    const me = await trpcQuery(phone.request, FIRST, "me.get");
    expect(me.body.result.data.json).toMatchObject({ role: "SUBSCRIBER", phone: msisdn });
    await subscriber.close();

    // The next sign-in is the ordinary one, on either app instance.
    const later = await browser.newContext();
    expect((await apiSignIn(later.request, SECOND, msisdn!, "dasha-secret-2026")).ok).toBe(true);
    await later.close();

    await page.goto("/partner/orders");
    await expect(page.getByRole("row", { name: /Дарья Соколова/ })).toContainText("Кабинет активирован");
  });

  test("a dealer registers home internet: no number, the installation address defaults to the registered one, the contact phone is the login", async ({
    page,
  }) => {
    expect((await apiSignIn(page.request, FIRST, "dealer2@selfcare.test")).ok).toBe(true);
    await page.goto("/partner/register");
    await page.getByRole("radio", { name: /^Домашний интернет/ }).check();
    // The pool is not offered; the mobile tariffs give way to home-internet ones.
    await expect(page.getByRole("radiogroup", { name: "Номер телефона" })).toHaveCount(0);
    await expect(page.getByRole("radio", { name: /^Смарт 550/ })).toHaveCount(0);
    const form = page.locator("form");
    const required = await form.locator('[required], [aria-required="true"]').count();
    console.log(`[partner] required inputs on the home-internet form: ${required}`);
    expect(required).toBeLessThanOrEqual(12);

    const loginPhone = `958${randomInt(1_000_000, 10_000_000)}`;
    await type(page, "Фамилия", "Ветрова");
    await type(page, "Имя", "Алина");
    await type(page, "Дата рождения", "02.11.1988");
    await type(page, "Серия и номер паспорта", passport().replace(" ", ""));
    await type(page, "Адрес регистрации", "141400, г. Химки, ул. Мира, д. 3, кв. 5");
    await page.getByRole("radio", { name: /^Домашний 500/ }).check();
    await type(page, "Контактный телефон для входа", loginPhone);
    await expect(page.getByLabel(/^Адрес подключения/)).toHaveAttribute(
      "placeholder",
      "141400, г. Химки, ул. Мира, д. 3, кв. 5",
    );
    await expect(page.getByText("Одобрено")).toBeVisible();

    await page.getByRole("button", { name: "Зарегистрировать абонента" }).click();
    await expect(page.getByRole("heading", { name: "Абонент зарегистрирован" })).toBeVisible();
    const accountNumber = (await page.getByTestId("account-number").textContent())!.trim();
    await expect(page.getByTestId("service-id")).toHaveText(`lin_${accountNumber}_1`);
    await expect(page.getByTestId("login-phone")).toHaveText(
      `+7 ${loginPhone.slice(0, 3)} ${loginPhone.slice(3, 6)}-${loginPhone.slice(6, 8)}-${loginPhone.slice(8)}`,
    );
    await expect(page.getByText("141400, г. Химки, ул. Мира, д. 3, кв. 5")).toBeVisible();

    await page.goto("/partner/orders");
    await expect(page.getByRole("row", { name: /Алина Ветрова/ })).toContainText("Домашний интернет");
  });

  test("in English, the form reports field errors as soon as a field is left, and the home shows the day's figures", async ({
    page,
  }) => {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: FIRST }]);
    expect((await apiSignIn(page.request, FIRST, "dealer2@selfcare.test")).ok).toBe(true);

    await page.goto("/partner/register");
    await expect(page.getByRole("heading", { level: 1, name: "Register a subscriber" })).toBeVisible();
    await type(page, "Last name", "Smith2");
    await page.keyboard.press("Tab");
    await expect(page.getByText("Letters only; a hyphen, apostrophe or space may join parts of a name")).toBeVisible();
    await expect(page.getByLabel("Last name")).toHaveAttribute("aria-invalid", "true");

    const thisYear = Number(
      new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow", year: "numeric" }).format(new Date()),
    );
    await type(page, "Date of birth", `01.01.${thisYear - 10}`);
    await page.keyboard.press("Tab");
    await expect(page.getByText("The subscriber must be at least 18 years old")).toBeVisible();
    await type(page, "Passport series and number", "45101234");
    await page.keyboard.press("Tab");
    await expect(page.getByText("4 digits of series and 6 of number, e.g. 4510 123456")).toBeVisible();

    // Fixing a field clears its error while typing.
    await page.getByLabel("Last name").fill("");
    await type(page, "Last name", "O'Brien-Smith");
    await expect(page.getByText("Letters only; a hyphen, apostrophe or space may join parts of a name")).toHaveCount(0);

    // Submitting with gaps moves focus to the first field to fix.
    await page.getByRole("button", { name: "Register the subscriber" }).click();
    await expect(page.getByLabel("First name")).toBeFocused();
    await expect(page.getByText("Choose a tariff")).toBeVisible();
    await expect(page.getByText("Pick a number from the pool")).toBeVisible();

    // A retired tariff is not on offer at all.
    await expect(page.getByRole("radio", { name: /Classic/ })).toHaveCount(0);
    await expect(page.getByRole("radio", { name: /^Start/ })).toBeVisible();

    // A passport with debt on an earlier account: refused before submitting, with the reason.
    const debtor = await findDebtorPassport();
    await page.getByLabel("Date of birth").fill("");
    await type(page, "Date of birth", debtor.birthDate);
    await page.getByLabel("Passport series and number").fill("");
    await type(page, "Passport series and number", debtor.documentNumber.replace(" ", ""));
    await page.getByRole("radio", { name: /^Start/ }).check();
    await expect(page.getByText("Refused by the credit check")).toBeVisible();
    await expect(
      page.getByText("An earlier account with this passport has unpaid debt. It must be paid first."),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Register the subscriber" })).toBeDisabled();

    // Nice numbers only.
    await page.getByLabel("Nice numbers only").check();
    await expect(page.getByRole("radiogroup", { name: "Phone number" }).getByText("nice").first()).toBeVisible();

    await page.goto("/partner");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
    await expect(page.getByRole("heading", { name: "Registrations per day, last 30 days" })).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Registrations per month, last 12 months" }).getByRole("row"),
    ).toHaveCount(13);
    await expect(page.getByRole("link", { name: "Register a subscriber" })).toBeVisible();
  });

  test("subscribers and agents cannot open the partner pages or call its procedures", async ({ page }) => {
    await signInWithForm(page, "+79001000002");
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/partner/register");
    await expect(page.getByRole("heading", { name: "Доступ запрещён" })).toBeVisible();
    const call = await trpcQuery(page.request, FIRST, "partner.customers", {});
    expect(call.status).toBe(403);
    expect((await page.request.get("/partner/orders/ord_000001/contract")).status()).toBe(403);
  });
});
