import { describe, expect, it } from "vitest";
import { createUserInput, reportRangeInput } from "./admin.schema";

describe("reportRangeInput", () => {
  it("reads calendar days as whole UTC days, the end day included", () => {
    expect(reportRangeInput.parse({ from: "2031-01-01", to: "2031-01-31" })).toEqual({
      from: new Date("2031-01-01T00:00:00Z"),
      to: new Date("2031-02-01T00:00:00Z"),
    });
  });
  it("keeps instants as they are", () => {
    const from = new Date("2031-01-01T10:00:00Z");
    const to = new Date("2031-01-02T10:00:00Z");
    expect(reportRangeInput.parse({ from, to })).toEqual({ from, to });
    expect(reportRangeInput.parse({ from: from.toISOString(), to: to.toISOString() })).toEqual({ from, to });
  });
  it.each([
    [{ from: "yesterday", to: "2031-01-01" }, "from"],
    [{ from: "2031-01-01", to: "not a date" }, "to"],
    [{ from: "2031-02-01", to: "2031-01-01" }, "to"],
    [{ from: "2020-01-01", to: "2031-01-01" }, "to"],
    [{ from: "2031-01-01" }, "to"],
  ])("refuses %j naming %s", (input, field) => {
    const result = reportRangeInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
  });
});

describe("createUserInput", () => {
  const base = {
    role: "AGENT",
    name: "Ирина Петрова",
    email: " Irina@Selfcare.Test ",
    password: "long-enough-1",
    locale: "ru",
    idempotencyKey: "key-12345678",
  };
  it("lower-cases the e-mail", () => {
    expect(createUserInput.parse(base).email).toBe("irina@selfcare.test");
  });
  it.each([
    [{ role: "PARTNER" }, "partnerId"],
    [{ partnerId: "prt_x" }, "partnerId"],
    [{ email: "not-an-email" }, "email"],
    [{ password: "short" }, "password"],
    [{ role: "SUBSCRIBER" }, "role"],
  ])("refuses %j naming %s", (change, field) => {
    const result = createUserInput.safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
  });
});
