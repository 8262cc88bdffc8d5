import { handleUsagePost } from "@selfcare/server/api/usage-api";

export const dynamic = "force-dynamic";

/** The network's usage records (server/api/usage-api.ts). */
export function POST(request: Request) {
  return handleUsagePost(request);
}
