/**
 * Pure rules for a dealer's registration form, shared by the browser and the server (no imports,
 * so the form bundles them). Every rule answers a message key of REGISTRATION_MESSAGES or null.
 */

/** English messages the API answers; the form translates them by key. */
export const REGISTRATION_MESSAGES = {
  nameRequired: "Enter the name",
  nameTooLong: "The name is too long (at most 50 characters)",
  nameLetters: "Use letters only; hyphens, apostrophes and spaces may join parts of a name",
  nameOneAlphabet: "Use one alphabet in a name: Cyrillic or Latin, not both",
  birthDateFormat: "Enter the birth date as a real date (YYYY-MM-DD)",
  birthDateFuture: "The birth date is in the future",
  birthDateTooOld: "Check the birth date: the person would be over 120",
  underAge: "The subscriber must be at least 18 years old",
  documentFormat: "A Russian passport is 4 digits of series and 6 of number, e.g. 4510 123456",
  documentInvalid: "This series or number is never issued (zeros)",
  addressRequired: "Enter the registration address",
  addressTooShort: "The address is too short: city, street and house",
  addressTooLong: "The address is too long (at most 300 characters)",
  addressHouse: "Add the house number to the address",
  emailInvalid: "Enter a valid e-mail, e.g. name@example.ru",
  phoneInvalid: "Enter a Russian mobile number, e.g. +7 916 123-45-67",
  tariffRequired: "Choose a tariff",
  msisdnRequired: "Pick a number from the pool",
  msisdnNotInPool: "This number is not in the operator's pool",
  msisdnAssigned: "This number has already been given to a subscriber",
  msisdnHeld: "Another dealer is holding this number; pick another one",
  tariffUnknown: "No such tariff",
  tariffNotSold: "This tariff is not sold to new customers",
  tariffNotMobile: "This is a home internet tariff; a new number needs a mobile tariff",
  tariffNotHome: "This is a mobile tariff; home internet needs a home internet tariff",
  contactPhoneRequired: "Enter the contact phone: it becomes the subscriber's login",
  contactPhoneTaken: "This phone is already the login of another account; enter another contact phone",
} as const;

export type RegistrationMessageKey = keyof typeof REGISTRATION_MESSAGES;

export const MIN_AGE = 18;
export const MAX_AGE = 120;

const NAME_PART = "[A-Za-zА-Яа-яЁё]+";
const NAME = new RegExp(`^${NAME_PART}(?:[-'’ ]${NAME_PART})*$`);
const CYRILLIC = /[А-Яа-яЁё]/;
const LATIN = /[A-Za-z]/;

/** A first, last or middle name: letters of one alphabet, parts joined by a hyphen, apostrophe or space. */
export function checkName(value: string): RegistrationMessageKey | null {
  const name = value.trim().replace(/\s+/g, " ");
  if (!name) return "nameRequired";
  if (name.length > 50) return "nameTooLong";
  if (!NAME.test(name)) return "nameLetters";
  if (CYRILLIC.test(name) && LATIN.test(name)) return "nameOneAlphabet";
  return null;
}

export function normalizeName(value: string): string {
  return value.trim().replace(/\s+/g, " ").replace(/’/g, "'");
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date "YYYY-MM-DD" as [year, month, day], or null when it is not a real date. */
export function parseIsoDate(value: string): [number, number, number] | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const isReal = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isReal && year >= 1000 ? [year, month, day] : null;
}

/**
 * Full years from `birthDate` to `today` (both "YYYY-MM-DD"). Someone born on 29 February
 * comes of age on 1 March in a common year.
 */
export function ageOn(birthDate: string, today: string): number {
  const birth = parseIsoDate(birthDate);
  const now = parseIsoDate(today);
  if (!birth || !now) return Number.NaN;
  const hadBirthday = now[1] * 100 + now[2] >= birth[1] * 100 + birth[2];
  return now[0] - birth[0] - (hadBirthday ? 0 : 1);
}

export function checkBirthDate(value: string, today: string): RegistrationMessageKey | null {
  if (!parseIsoDate(value)) return "birthDateFormat";
  if (value > today) return "birthDateFuture";
  const age = ageOn(value, today);
  if (age < MIN_AGE) return "underAge";
  if (age > MAX_AGE) return "birthDateTooOld";
  return null;
}

/** Today's date where the operator works ("YYYY-MM-DD" in Moscow time): the day contracts are signed. */
export function operatorToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Moscow",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** "4510123456", "45 10 123456" or "4510 123456" → "4510 123456"; null when it is not 10 digits. */
export function normalizeDocumentNumber(value: string): string | null {
  const digits = value.replace(/\s+/g, "");
  if (!/^\d{10}$/.test(digits)) return null;
  return `${digits.slice(0, 4)} ${digits.slice(4)}`;
}

export function checkDocumentNumber(value: string): RegistrationMessageKey | null {
  const normalized = normalizeDocumentNumber(value);
  if (!normalized) return "documentFormat";
  // Series start with an OKATO region code (never 00); numbers start at 000001.
  if (normalized.startsWith("00") || normalized.endsWith("000000")) return "documentInvalid";
  return null;
}

export function checkAddress(value: string): RegistrationMessageKey | null {
  const address = value.trim();
  if (!address) return "addressRequired";
  if (address.length < 10) return "addressTooShort";
  if (address.length > 300) return "addressTooLong";
  if (!/[A-Za-zА-Яа-яЁё]/.test(address)) return "addressTooShort";
  if (!/\d/.test(address)) return "addressHouse";
  return null;
}
