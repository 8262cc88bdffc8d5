import { describe, expect, it } from "vitest";
import { formatDate, formatGigabytes, formatPhone } from "./format";

// Intl separates groups and the currency sign with (narrow) no-break spaces.
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatPhone", () => {
  it.each([
    ["+79001000001", "+7 900 100-00-01"],
    ["+7 (900) 100-00-01", "+7 900 100-00-01"],
    ["+442071234567", "+442071234567"],
  ])("%s is shown as %s", (msisdn, expected) => {
    expect(formatPhone(msisdn)).toBe(expected);
  });
});

describe("formatDate", () => {
  it("shows a billing date as the calendar day it names, whatever the server's time zone", () => {
    const firstOfDecember = new Date(Date.UTC(2026, 11, 1));
    expect(plainSpaces(formatDate(firstOfDecember, "ru"))).toBe("1 декабря 2026 г.");
    expect(formatDate(firstOfDecember, "en")).toBe("December 1, 2026");
  });
});

describe("formatGigabytes", () => {
  it("turns megabytes into gigabytes with one decimal", () => {
    expect(formatGigabytes(2560, "ru")).toBe("2,5");
    expect(formatGigabytes(15360, "en")).toBe("15");
  });
});
