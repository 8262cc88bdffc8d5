import { describe, expect, it } from "vitest";
import { parseActivationIdentifier } from "./activation.schema";
import { registerSubscriberInput, registrationSchema } from "./partner.schema";
import {
  ageOn,
  checkAddress,
  checkBirthDate,
  checkDocumentNumber,
  checkName,
  normalizeDocumentNumber,
  operatorToday,
  REGISTRATION_MESSAGES,
} from "./registration-rules";

describe("checkName", () => {
  it.each([
    ["Иван", null],
    ["Анна-Мария", null],
    ["Салтыков-Щедрин", null],
    ["Д'Артаньян", null],
    ["O'Brien", null],
    ["O’Brien", null],
    ["Smith-Jones", null],
    ["Мария Луиза", null],
    ["Ёлкина", null],
    ["  Пётр  ", null],
    ["", "nameRequired"],
    ["   ", "nameRequired"],
    ["-Иван", "nameLetters"],
    ["Иван-", "nameLetters"],
    ["Ив--ан", "nameLetters"],
    ["Иван2", "nameLetters"],
    ["Ivan_", "nameLetters"],
    ["<script>", "nameLetters"],
    ["Иванoв", "nameOneAlphabet"], // a Latin "o" among Cyrillic letters
    ["А".repeat(51), "nameTooLong"],
  ])("%j → %s", (name, expected) => {
    expect(checkName(name)).toBe(expected);
  });
});

describe("ageOn", () => {
  it.each([
    ["2008-06-15", "2026-06-14", 17],
    ["2008-06-15", "2026-06-15", 18],
    ["2008-06-15", "2026-06-16", 18],
    ["2008-02-29", "2026-02-28", 17],
    ["2008-02-29", "2026-03-01", 18],
    ["1990-12-31", "2026-01-01", 35],
  ])("born %s, on %s: %i", (birth, today, age) => {
    expect(ageOn(birth, today)).toBe(age);
  });
});

describe("checkBirthDate (today is 2026-11-27)", () => {
  const today = "2026-11-27";
  it.each([
    ["2008-11-27", null], // 18 today
    ["2008-11-28", "underAge"], // 18 tomorrow
    ["2008-11-26", null],
    ["2015-01-01", "underAge"],
    ["2026-11-28", "birthDateFuture"],
    ["2030-01-01", "birthDateFuture"],
    ["1906-11-28", null], // 119
    ["1900-01-01", "birthDateTooOld"],
    ["1990-02-30", "birthDateFormat"],
    ["1990-13-01", "birthDateFormat"],
    ["27.11.1990", "birthDateFormat"],
    ["1990-1-5", "birthDateFormat"],
    ["", "birthDateFormat"],
  ])("%j → %s", (birthDate, expected) => {
    expect(checkBirthDate(birthDate, today)).toBe(expected);
  });
});

describe("document number (Russian passport)", () => {
  it.each([
    ["4510 123456", null, "4510 123456"],
    ["4510123456", null, "4510 123456"],
    ["45 10 123456", null, "4510 123456"],
    [" 4510  123456 ", null, "4510 123456"],
    ["4510 12345", "documentFormat", null],
    ["4510 1234567", "documentFormat", null],
    ["45A0 123456", "documentFormat", null],
    ["4510-123456", "documentFormat", null],
    ["", "documentFormat", null],
    ["0010 123456", "documentInvalid", "0010 123456"],
    ["4510 000000", "documentInvalid", "4510 000000"],
  ])("%j → %s", (input, expected, normalized) => {
    expect(checkDocumentNumber(input)).toBe(expected);
    expect(normalizeDocumentNumber(input)).toBe(normalized);
  });
});

describe("checkAddress", () => {
  it.each([
    ["123112, г. Москва, ул. Тверская, д. 7, кв. 12", null],
    ["London, 10 Downing Street", null],
    ["", "addressRequired"],
    ["Москва 1", "addressTooShort"],
    ["1234567890123", "addressTooShort"],
    ["г. Москва, ул. Тверская", "addressHouse"],
    ["д. 1 ".repeat(80), "addressTooLong"],
  ])("%j → %s", (address, expected) => {
    expect(checkAddress(address)).toBe(expected);
  });
});

function yearsAgo(years: number, days = 0): string {
  const [y, m, d] = operatorToday().split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

const valid = {
  customer: {
    firstName: "Анна",
    lastName: "Смирнова-Орлова",
    birthDate: "1990-05-17",
    documentNumber: "4510123456",
    address: "123112, г. Москва, ул. Тверская, д. 7, кв. 12",
    email: "",
    phone: "",
  },
  tariffId: "trf_smart",
  msisdn: "+7 999 111-22-33",
};

function fieldErrors(input: unknown): Record<string, string> {
  const result = registrationSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("registrationSchema (shared by the form and the server)", () => {
  it("normalises a valid registration", () => {
    const parsed = registrationSchema.parse(valid);
    expect(parsed.customer.documentNumber).toBe("4510 123456");
    // Without a kind the order is a SIM card, as the original contract has it.
    expect(parsed.kind).toBe("MOBILE");
    expect(parsed.kind === "MOBILE" && parsed.msisdn).toBe("+79991112233");
    expect(parsed.customer.email).toBeUndefined();
    expect(parsed.customer.phone).toBeUndefined();
  });

  it("takes null for an optional contact as not given (API clients)", () => {
    const parsed = registrationSchema.parse({
      ...valid,
      customer: { ...valid.customer, email: null, phone: null, middleName: null },
    });
    expect(parsed.customer).not.toHaveProperty("email", null);
    expect(parsed.customer.email).toBeUndefined();
  });

  it("normalises optional contacts when given", () => {
    const parsed = registrationSchema.parse({
      ...valid,
      customer: { ...valid.customer, email: " Anna@Example.RU ", phone: "8 (916) 123-45-67", middleName: "Петровна" },
    });
    expect(parsed.customer.email).toBe("anna@example.ru");
    expect(parsed.customer.phone).toBe("+79161234567");
    expect(parsed.customer.middleName).toBe("Петровна");
  });

  it.each([
    ["18 today", yearsAgo(18), undefined],
    ["18 tomorrow", yearsAgo(18, 1), REGISTRATION_MESSAGES.underAge],
    ["born tomorrow", yearsAgo(0, 1), REGISTRATION_MESSAGES.birthDateFuture],
    ["not a date", "1990-02-31", REGISTRATION_MESSAGES.birthDateFormat],
  ])("birth date %s", (_label, birthDate, message) => {
    expect(fieldErrors({ ...valid, customer: { ...valid.customer, birthDate } })["customer.birthDate"]).toBe(message);
  });

  it.each([
    ["customer.firstName", { customer: { ...valid.customer, firstName: "" } }, REGISTRATION_MESSAGES.nameRequired],
    ["customer.lastName", { customer: { ...valid.customer, lastName: "   " } }, REGISTRATION_MESSAGES.nameRequired],
    ["customer.firstName", { customer: { ...valid.customer, firstName: "R2-D2" } }, REGISTRATION_MESSAGES.nameLetters],
    ["customer.middleName", { customer: { ...valid.customer, middleName: "123" } }, REGISTRATION_MESSAGES.nameLetters],
    [
      "customer.documentNumber",
      { customer: { ...valid.customer, documentNumber: "4510 12345" } },
      REGISTRATION_MESSAGES.documentFormat,
    ],
    ["customer.email", { customer: { ...valid.customer, email: "anna@" } }, REGISTRATION_MESSAGES.emailInvalid],
    ["customer.phone", { customer: { ...valid.customer, phone: "12345" } }, REGISTRATION_MESSAGES.phoneInvalid],
    ["customer.address", { customer: { ...valid.customer, address: "" } }, REGISTRATION_MESSAGES.addressRequired],
    ["tariffId", { tariffId: "" }, REGISTRATION_MESSAGES.tariffRequired],
    ["msisdn", { msisdn: "" }, REGISTRATION_MESSAGES.msisdnRequired],
    ["msisdn", { msisdn: "+44 20 7946 0958" }, REGISTRATION_MESSAGES.phoneInvalid],
  ])("names the field %s", (field, change, message) => {
    expect(fieldErrors({ ...valid, ...change })[field]).toBe(message);
  });

  it("needs an idempotency key of 8..100 characters on the server", () => {
    expect(registerSubscriberInput.safeParse({ ...valid, idempotencyKey: "short" }).success).toBe(false);
    expect(registerSubscriberInput.safeParse({ ...valid, idempotencyKey: "k".repeat(101) }).success).toBe(false);
    expect(registerSubscriberInput.safeParse({ ...valid, idempotencyKey: "reg-12345678" }).success).toBe(true);
  });
});

describe("registrationSchema for home internet", () => {
  const { msisdn: _msisdn, ...common } = valid;
  const home = {
    ...common,
    kind: "HOME_INTERNET",
    tariffId: "trf_home_100",
    contactPhone: "8 (916) 123-45-67",
    installationAddress: "",
  };

  it("needs no number; the contact phone becomes E.164 and an empty installation address means the registration address", () => {
    const parsed = registrationSchema.parse(home);
    expect(parsed).toMatchObject({ kind: "HOME_INTERNET", contactPhone: "+79161234567" });
    expect(parsed.kind === "HOME_INTERNET" && parsed.installationAddress).toBeUndefined();
  });

  it("keeps an installation address other than the registration address", () => {
    const parsed = registrationSchema.parse({ ...home, installationAddress: "  141400, г. Химки,  ул. Мира, д. 3 " });
    expect(parsed.kind === "HOME_INTERNET" && parsed.installationAddress).toBe("141400, г. Химки, ул. Мира, д. 3");
  });

  it.each([
    ["contactPhone", { contactPhone: "" }, REGISTRATION_MESSAGES.contactPhoneRequired],
    ["contactPhone", { contactPhone: undefined }, REGISTRATION_MESSAGES.contactPhoneRequired],
    ["contactPhone", { contactPhone: "+44 20 7946 0958" }, REGISTRATION_MESSAGES.phoneInvalid],
    ["installationAddress", { installationAddress: "Химки" }, REGISTRATION_MESSAGES.addressTooShort],
    ["installationAddress", { installationAddress: "г. Химки, улица Мира" }, REGISTRATION_MESSAGES.addressHouse],
    ["tariffId", { tariffId: "" }, REGISTRATION_MESSAGES.tariffRequired],
    [
      "customer.documentNumber",
      { customer: { ...valid.customer, documentNumber: "0000 123456" } },
      REGISTRATION_MESSAGES.documentInvalid,
    ],
  ])("names the field %s", (field, change, message) => {
    expect(fieldErrors({ ...home, ...change })[field]).toBe(message);
  });

  it("refuses an unknown service kind, naming the field", () => {
    expect(fieldErrors({ ...home, kind: "TV" })).toHaveProperty("kind");
  });

  it("needs the idempotency key on the server too", () => {
    expect(registerSubscriberInput.safeParse({ ...home, idempotencyKey: "short" }).success).toBe(false);
    expect(registerSubscriberInput.safeParse({ ...home, idempotencyKey: "reg-12345678" }).success).toBe(true);
  });
});

describe("parseActivationIdentifier", () => {
  it.each([
    ["5123456789", { kind: "account", value: "5123456789" }],
    ["4 000 000 001", { kind: "account", value: "4000000001" }],
    ["+7 999 111-22-33", { kind: "phone", value: "+79991112233" }],
    ["89991112233", { kind: "phone", value: "+79991112233" }],
    ["9991112233", { kind: "phone", value: "+79991112233" }],
    ["abc", null],
  ])("%j", (input, expected) => {
    expect(parseActivationIdentifier(input)).toEqual(expected);
  });
});
