import { handleIncidentPost } from "@selfcare/server/api/incidents-api";

export const dynamic = "force-dynamic";

/** The network monitoring's incidents (server/api/incidents-api.ts). */
export function POST(request: Request) {
  return handleIncidentPost(request);
}
