import { checkDatabase } from "@selfcare/server/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const isDbUp = await checkDatabase();
  return Response.json(
    { status: isDbUp ? "ok" : "error", db: isDbUp ? "ok" : "unreachable" },
    { status: isDbUp ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
