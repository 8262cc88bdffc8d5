import { randomInt } from "node:crypto";

/** A passport number nobody in the seed holds (region 45, a random number). */
export function freshPassport(): string {
  return `45${String(randomInt(10, 26))} ${String(randomInt(100_000, 999_999))}`;
}

export function newSubscriber(overrides: Record<string, unknown> = {}) {
  return {
    firstName: "Анна",
    lastName: "Смирнова",
    middleName: "Петровна",
    birthDate: "1991-04-12",
    documentNumber: freshPassport(),
    address: "123112, г. Москва, ул. Тверская, д. 7, кв. 12",
    email: "anna.smirnova@example.ru",
    phone: "+7 916 555-12-34",
    ...overrides,
  };
}
