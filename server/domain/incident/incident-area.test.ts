import { describe, expect, it } from "vitest";
import {
  assignServiceArea,
  isLineAffected,
  kindsTouchedBy,
  type IncidentScope,
  type LineKind,
  type ServiceArea,
} from "./incident-area";

const MOBILE: ServiceArea = { region: "MOW", cells: ["MOW-C0010", "MOW-C0011"], node: null, building: null };
const HOME: ServiceArea = { region: "SPE", cells: [], node: "SPE-N004", building: "SPE-B00170" };

function scope(overrides: Partial<IncidentScope>): IncidentScope {
  return {
    services: ["VOICE", "SMS", "MOBILE_DATA", "HOME_INTERNET"],
    regions: [],
    cells: [],
    nodes: [],
    buildings: [],
    ...overrides,
  };
}

type Row = { rule: string; kind: LineKind; area: ServiceArea; incident: Partial<IncidentScope>; affected: boolean };

describe("isLineAffected", () => {
  const table: Row[] = [
    {
      rule: "a cell the mobile line was last seen on",
      kind: "MOBILE",
      area: MOBILE,
      incident: { cells: ["MOW-C0011"] },
      affected: true,
    },
    { rule: "another cell", kind: "MOBILE", area: MOBILE, incident: { cells: ["MOW-C0012"] }, affected: false },
    { rule: "the whole home region", kind: "MOBILE", area: MOBILE, incident: { regions: ["MOW"] }, affected: true },
    { rule: "another region", kind: "MOBILE", area: MOBILE, incident: { regions: ["SPE"] }, affected: false },
    {
      rule: "the access node of the address",
      kind: "HOME_INTERNET",
      area: HOME,
      incident: { nodes: ["SPE-N004"] },
      affected: true,
    },
    {
      rule: "the building",
      kind: "HOME_INTERNET",
      area: HOME,
      incident: { buildings: ["SPE-B00170"] },
      affected: true,
    },
    {
      rule: "a neighbouring building",
      kind: "HOME_INTERNET",
      area: HOME,
      incident: { buildings: ["SPE-B00171"] },
      affected: false,
    },
    {
      rule: "a region of home internet",
      kind: "HOME_INTERNET",
      area: HOME,
      incident: { regions: ["SPE"] },
      affected: true,
    },
    {
      rule: "a node never matches a mobile line",
      kind: "MOBILE",
      area: MOBILE,
      incident: { nodes: ["SPE-N004"] },
      affected: false,
    },
    {
      rule: "mobile data down does not touch home internet in the same region",
      kind: "HOME_INTERNET",
      area: HOME,
      incident: { services: ["MOBILE_DATA"], regions: ["SPE"] },
      affected: false,
    },
    {
      rule: "home internet down does not touch mobile lines on its cells",
      kind: "MOBILE",
      area: MOBILE,
      incident: { services: ["HOME_INTERNET"], cells: ["MOW-C0010"] },
      affected: false,
    },
    {
      rule: "SMS alone is a mobile service",
      kind: "MOBILE",
      area: MOBILE,
      incident: { services: ["SMS"], cells: ["MOW-C0010"] },
      affected: true,
    },
    {
      rule: "any of several ids",
      kind: "MOBILE",
      area: MOBILE,
      incident: { cells: ["X"], regions: ["MOW"] },
      affected: true,
    },
  ];
  it.each(table)("$rule: $affected", ({ kind, area, incident, affected }) => {
    expect(isLineAffected({ kind, area }, scope(incident))).toBe(affected);
  });
});

describe("kindsTouchedBy", () => {
  it.each([
    [["VOICE"], ["MOBILE"]],
    [["HOME_INTERNET"], ["HOME_INTERNET"]],
    [
      ["SMS", "HOME_INTERNET"],
      ["MOBILE", "HOME_INTERNET"],
    ],
  ] as const)("%j reaches %j", (services, kinds) => {
    expect(kindsTouchedBy(services)).toEqual(kinds);
  });
});

describe("assignServiceArea", () => {
  it("gives the same line the same place, two neighbouring cells for mobile and a node and building for home internet", () => {
    const mobile = assignServiceArea("MOBILE", "+79001000002");
    expect(assignServiceArea("MOBILE", "+79001000002")).toEqual(mobile);
    expect(mobile.cells).toHaveLength(2);
    expect(mobile.cells.every((cell) => cell.startsWith(`${mobile.region}-C`))).toBe(true);
    expect(mobile).toMatchObject({ node: null, building: null });
    const home = assignServiceArea("HOME_INTERNET", "Москва, ул. Ленина, 1");
    expect(home.cells).toEqual([]);
    expect(home.node).toMatch(new RegExp(`^${home.region}-N\\d{3}$`));
    expect(home.building).toMatch(new RegExp(`^${home.region}-B\\d{5}$`));
  });

  it("puts most lines in Moscow and spreads them over many cells", () => {
    const areas = Array.from({ length: 2_000 }, (_, i) =>
      assignServiceArea("MOBILE", `+7900${String(i).padStart(7, "0")}`),
    );
    const moscow = areas.filter((area) => area.region === "MOW").length;
    expect(moscow).toBeGreaterThan(1_000);
    expect(moscow).toBeLessThan(1_500);
    expect(new Set(areas.map((area) => area.cells[0])).size).toBeGreaterThan(500);
  });
});
