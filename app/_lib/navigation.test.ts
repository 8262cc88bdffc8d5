import { describe, expect, it } from "vitest";
import { getNavItems, isNavItemActive } from "./navigation";

describe("navigation", () => {
  it("gives supervisors the agent pages as well as their own", () => {
    const hrefs = getNavItems("ADMIN").map((item) => item.href);
    expect(hrefs).toEqual(expect.arrayContaining(["/admin", "/admin/audit", "/agent", "/agent/customers"]));
  });

  it.each([
    ["/bills", "/bills", true],
    ["/bills", "/bills/abc", true],
    ["/bills", "/billsx", false],
    ["/agent", "/agent/customers", false],
    ["/agent/customers", "/agent/customers/42", true],
  ])("item %s is active on %s: %s", (href, pathname, expected) => {
    const item = [...getNavItems("SUBSCRIBER"), ...getNavItems("ADMIN")].find((candidate) => candidate.href === href);
    expect(item && isNavItemActive(item, pathname)).toBe(expected);
  });
});
