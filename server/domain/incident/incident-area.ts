import type { IncidentService } from "./incident.schema";

/** Where a line's service lives (DESIGN.md "outages"): the contract's `serviceArea`. */
export type ServiceArea = { region: string; cells: string[]; node: string | null; building: string | null };
export type LineKind = "MOBILE" | "HOME_INTERNET";
export type IncidentScope = {
  services: readonly IncidentService[];
  regions: readonly string[];
  cells: readonly string[];
  nodes: readonly string[];
  buildings: readonly string[];
};

/** The services a line of this kind gets from the network. */
export const SERVICES_OF_KIND: Record<LineKind, readonly IncidentService[]> = {
  MOBILE: ["VOICE", "SMS", "MOBILE_DATA"],
  HOME_INTERNET: ["HOME_INTERNET"],
};

/** The stored columns of a line as the contract's `serviceArea`. */
export function serviceAreaOf(line: {
  serviceRegion: string;
  cells: string[] | null;
  accessNode: string | null;
  building: string | null;
}): ServiceArea {
  return { region: line.serviceRegion, cells: line.cells ?? [], node: line.accessNode, building: line.building };
}

/** The contract's `serviceArea` as the Line columns that store it. */
export function serviceAreaColumns(area: ServiceArea) {
  return { serviceRegion: area.region, cells: area.cells, accessNode: area.node, building: area.building };
}

/**
 * Whether an incident touches a line: it takes away a service the line has, and its area names
 * the line's region, one of the cells it was last seen on, its access node or its building.
 * `matchIncidentLines` (incident-lines.service.ts) is the same rule in SQL.
 */
export function isLineAffected(line: { kind: LineKind; area: ServiceArea }, incident: IncidentScope): boolean {
  if (!SERVICES_OF_KIND[line.kind].some((service) => incident.services.includes(service))) return false;
  const { region, cells, node, building } = line.area;
  return (
    incident.regions.includes(region) ||
    cells.some((cell) => incident.cells.includes(cell)) ||
    (node !== null && incident.nodes.includes(node)) ||
    (building !== null && incident.buildings.includes(building))
  );
}

/** The line kinds an incident's services reach. */
export function kindsTouchedBy(services: readonly IncidentService[]): LineKind[] {
  return (Object.keys(SERVICES_OF_KIND) as LineKind[]).filter((kind) =>
    SERVICES_OF_KIND[kind].some((service) => services.includes(service)),
  );
}

const REGIONS = ["MOW", "SPE", "NVS", "EKB", "KZN"] as const;
const CELLS_PER_REGION = 400;
const NODES_PER_REGION = 60;
const BUILDINGS_PER_NODE = 40;

function hashOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  return hash;
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");

/**
 * A plausible service area for a line the network has not reported on yet (the seed, a dealer's
 * new line): derived from a stable key (the line's number or address), so the same line always
 * lands in the same place. Most lines are in Moscow; a mobile line was last seen on two
 * neighbouring cells; a home-internet address hangs off one node of its region.
 */
export function assignServiceArea(kind: LineKind, key: string): ServiceArea {
  const hash = hashOf(key);
  const region = hash % 10 < 6 ? "MOW" : REGIONS[1 + (hash % 4)]!;
  if (kind === "HOME_INTERNET") {
    const node = (hash >>> 4) % NODES_PER_REGION;
    const building = node * BUILDINGS_PER_NODE + ((hash >>> 12) % BUILDINGS_PER_NODE);
    return { region, cells: [], node: `${region}-N${pad(node, 3)}`, building: `${region}-B${pad(building, 5)}` };
  }
  const cell = (hash >>> 4) % CELLS_PER_REGION;
  const neighbour = (cell + 1) % CELLS_PER_REGION;
  return {
    region,
    cells: [`${region}-C${pad(cell, 4)}`, `${region}-C${pad(neighbour, 4)}`],
    node: null,
    building: null,
  };
}
