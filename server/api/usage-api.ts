import "server-only";
import { getDb, type Database } from "../db/client";
import { isDatabaseUnavailable } from "../domain/errors";
import { queueSpendCheckForLines } from "../domain/spend/spend-check.service";
import { ingestUsage } from "../domain/usage/ingest.service";
import { usageBatchInput } from "../domain/usage/usage.schema";
import { log } from "../log";
import { hasBearerToken, jsonResponse as json } from "./bearer-token";

/**
 * POST /api/usage: the network's usage records in batches (`{records: [...]}`, usage.schema.ts),
 * with the bearer token USAGE_API_TOKEN (without it set, every call is refused). Answers what was
 * taken: `{received, accepted, duplicates, unknownNumbers}`; a bad batch is 400 with the fields
 * and stores nothing; a database that is away is 503, and the batch can be sent again as it is.
 */
export async function handleUsagePost(request: Request, db: Database = getDb()): Promise<Response> {
  if (!hasBearerToken(request, process.env.USAGE_API_TOKEN)) {
    return json(401, { error: { code: "UNAUTHORIZED", message: "A valid bearer token is required" } });
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json(400, { error: { code: "BAD_REQUEST", message: "The body is not JSON" } });
  }
  const parsed = usageBatchInput.safeParse(body);
  if (!parsed.success) {
    const fields = Object.fromEntries(
      parsed.error.issues.slice(0, 20).map((issue) => [issue.path.join(".") || "body", issue.message]),
    );
    return json(400, { error: { code: "BAD_REQUEST", message: "The batch has invalid records", fields } });
  }
  try {
    const { cappedLineIds, ...result } = await ingestUsage(db, parsed.data.records);
    // After the statement, not in it: the batch's lines with a spending limit get one check job (a
    // resent batch queues it again, so a failure here is answered like a failed batch and retried).
    await queueSpendCheckForLines(db, cappedLineIds);
    return json(200, result);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      return json(503, { error: { code: "SERVICE_UNAVAILABLE", message: "Try again shortly" } });
    }
    log.error({ err: error }, "usage ingestion failed");
    return json(500, { error: { code: "INTERNAL_SERVER_ERROR", message: "The batch was not stored" } });
  }
}
