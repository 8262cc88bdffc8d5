import { describe, expect, it } from "vitest";
import { fillPlaceholders, formatMsisdn } from "./fill-placeholders";

describe("fillPlaceholders", () => {
  it.each([
    ["Здравствуйте, {firstName}!", { firstName: "Андрей" }, "Здравствуйте, Андрей!", []],
    [
      "#{requestNumber} / {accountNumber}",
      { requestNumber: 1042, accountNumber: "4000123456" },
      "#1042 / 4000123456",
      [],
    ],
    ["{firstName}, {firstName}", { firstName: "Anna" }, "Anna, Anna", []],
    ["Номер {msisdn}", { msisdn: null }, "Номер {msisdn}", ["msisdn"]],
    ["Номер {msisdn}", { msisdn: "" }, "Номер {msisdn}", ["msisdn"]],
    ["{unknown} and {firstName}", { firstName: "Ivan" }, "{unknown} and Ivan", ["unknown"]],
    ["No placeholders {} { spaced }", {}, "No placeholders {} { spaced }", []],
  ])("%j with %o → %j", (template, values, text, missing) => {
    expect(fillPlaceholders(template, values)).toEqual({ text, missing });
  });
});

describe("formatMsisdn", () => {
  it.each([
    ["+79001000001", "+7 900 100-00-01"],
    ["+4915112345678", "+4915112345678"],
    [null, null],
  ])("%j → %j", (msisdn, formatted) => {
    expect(formatMsisdn(msisdn)).toBe(formatted);
  });
});
