import { describe, expect, it } from "vitest";
import { parseCustomerQuery } from "./customer-query";

describe("parseCustomerQuery", () => {
  it.each([
    ["4123456789", { kind: "account", value: "4123456789" }],
    ["4123 456 789", { kind: "account", value: "4123456789" }],
    ["+7 900 100-00-01", { kind: "phone", value: "+79001000001" }],
    ["8 (900) 100-00-01", { kind: "phone", value: "+79001000001" }],
    ["89001000001", { kind: "phone", value: "+79001000001" }],
    ["9001000001", { kind: "phone", value: "+79001000001" }],
    ["Andrey.Sokolov@Example.ru", { kind: "email", value: "andrey.sokolov@example.ru" }],
    ["Соколов", { kind: "name", words: ["Соколов"] }],
    ["соколов андрей", { kind: "name", words: ["соколов", "андрей"] }],
    ["Соколов, Андрей Викторович", { kind: "name", words: ["Соколов", "Андрей", "Викторович"] }],
    ["O'Brien", { kind: "name", words: ["O'Brien"] }],
    ["Римский-Корсаков", { kind: "name", words: ["Римский-Корсаков"] }],
  ])("%j → %o", (input, parsed) => {
    expect(parseCustomerQuery(input)).toEqual(parsed);
  });
});
