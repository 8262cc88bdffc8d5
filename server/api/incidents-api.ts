import "server-only";
import { getDb, type Database } from "../db/client";
import { AppError, isDatabaseUnavailable } from "../domain/errors";
import { upsertMonitoringIncident } from "../domain/incident/incident-monitoring.service";
import { monitoringIncidentInput } from "../domain/incident/incident.schema";
import { log } from "../log";
import { jsonResponse as json, readNetworkCall } from "./network-api";

/**
 * POST /api/incidents: the network monitoring's incidents (`monitoringIncidentInput`), with the
 * bearer token INCIDENTS_API_TOKEN (without it set, every call is refused). The same `externalId`
 * posted again updates the incident, and `resolvedAt` resolves it. Answers 201 with the incident
 * when the post created it and 200 otherwise; bad input is 400 with the fields and changes nothing.
 */
export async function handleIncidentPost(request: Request, db: Database = getDb()): Promise<Response> {
  const call = await readNetworkCall(request, {
    tokenVariable: "INCIDENTS_API_TOKEN",
    schema: monitoringIncidentInput,
    invalidMessage: "The incident is invalid",
  });
  if ("response" in call) return call.response;
  try {
    const { isCreated, incident } = await upsertMonitoringIncident(db, call.data);
    return json(isCreated ? 201 : 200, incident);
  } catch (error) {
    if (error instanceof AppError) {
      const status = error.code === "BAD_REQUEST" ? 400 : error.code === "CONFLICT" ? 409 : 404;
      return json(status, { error: { code: error.code, message: error.message, fields: error.fields } });
    }
    if (isDatabaseUnavailable(error)) {
      return json(503, { error: { code: "SERVICE_UNAVAILABLE", message: "Try again shortly" } });
    }
    log.error({ err: error }, "incident post failed");
    return json(500, { error: { code: "INTERNAL_SERVER_ERROR", message: "The incident was not stored" } });
  }
}
