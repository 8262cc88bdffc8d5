import type { Role } from "@/app/_trpc/types";

/** Who may open each route group. Supervisors may do what agents may. */
export const ROLES_BY_AREA = {
  subscriber: ["SUBSCRIBER"],
  agent: ["AGENT", "ADMIN"],
  partner: ["PARTNER"],
  admin: ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof ROLES_BY_AREA;

export function canOpen(area: Area, role: Role): boolean {
  return (ROLES_BY_AREA[area] as readonly Role[]).includes(role);
}
