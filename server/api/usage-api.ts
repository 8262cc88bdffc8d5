import "server-only";
import { getDb, type Database } from "../db/client";
import { isDatabaseUnavailable } from "../domain/errors";
import { queueSpendCheckForLines } from "../domain/spend/spend-check.service";
import { ingestUsage } from "../domain/usage/ingest.service";
import { usageBatchInput } from "../domain/usage/usage.schema";
import { log } from "../log";
import { jsonResponse as json, readNetworkCall } from "./network-api";

/**
 * POST /api/usage: the network's usage records in batches (`{records: [...]}`, usage.schema.ts),
 * with the bearer token USAGE_API_TOKEN (without it set, every call is refused). Answers what was
 * taken: `{received, accepted, duplicates, unknownNumbers}`; a bad batch is 400 with the fields
 * and stores nothing; a database that is away is 503, and the batch can be sent again as it is.
 */
export async function handleUsagePost(request: Request, db: Database = getDb()): Promise<Response> {
  const call = await readNetworkCall(request, {
    tokenVariable: "USAGE_API_TOKEN",
    schema: usageBatchInput,
    invalidMessage: "The batch has invalid records",
  });
  if ("response" in call) return call.response;
  try {
    const { cappedLineIds, ...result } = await ingestUsage(db, call.data.records);
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
