import { z } from "zod";
import { idempotencyKeySchema, idSchema, isDateInRange, INPUT_MESSAGES, safeString, safeText } from "../input.schema";

export const INCIDENT_SERVICES = ["VOICE", "SMS", "MOBILE_DATA", "HOME_INTERNET"] as const;
export type IncidentService = (typeof INCIDENT_SERVICES)[number];

/** Region, cell, node and building ids as the network names them ("MOW", "MOW-C0042", "MOW-N007", "MOW-B00123"). */
const AREA_ID = /^[A-Za-z0-9_.:-]{1,40}$/;
const areaIds = z
  .array(safeString().trim().regex(AREA_ID, "Latin letters, digits and - _ . : only, up to 40"))
  .max(5_000, "At most 5000 ids")
  .optional()
  .transform((ids) => [...new Set(ids ?? [])]);

export const areaSchema = z
  .object({ regions: areaIds, cells: areaIds, nodes: areaIds, buildings: areaIds })
  .refine(
    (area) => area.regions.length + area.cells.length + area.nodes.length + area.buildings.length > 0,
    "Name at least one region, cell, node or building",
  );
export type IncidentArea = z.infer<typeof areaSchema>;

export const servicesSchema = z
  .array(z.enum(INCIDENT_SERVICES))
  .min(1, "Name at least one service")
  .max(INCIDENT_SERVICES.length)
  .transform((services) => [...new Set(services)]);

/** An instant as a Date (tRPC with superjson) or an ISO 8601 string (the monitoring API). */
export const instantSchema = z
  .union([z.date(), safeString().trim().min(1).max(40)], { error: INPUT_MESSAGES.notADate })
  .transform((value, ctx) => {
    const date = value instanceof Date ? value : new Date(value);
    if (!isDateInRange(date)) {
      ctx.addIssue({ code: "custom", message: INPUT_MESSAGES.notADate });
      return z.NEVER;
    }
    return date;
  });

export const messageSchema = z.object({
  ru: safeText({ min: 3, max: 1000, tooShort: "At least 3 characters" }),
  en: safeText({ min: 3, max: 1000, tooShort: "At least 3 characters" }),
});
export type IncidentMessage = z.infer<typeof messageSchema>;

const etaAfterStart = (value: { startedAt: Date; etaAt?: Date | null }) =>
  !value.etaAt || value.etaAt.getTime() > value.startedAt.getTime();

export const declareIncidentInput = z
  .object({
    services: servicesSchema,
    area: areaSchema,
    startedAt: instantSchema,
    etaAt: instantSchema.nullish(),
    message: messageSchema,
    idempotencyKey: idempotencyKeySchema.optional(),
  })
  .refine(etaAfterStart, { path: ["etaAt"], message: "The repair time is after the start" });
export type DeclareIncidentInput = z.infer<typeof declareIncidentInput>;

export const updateIncidentInput = z
  .object({
    id: idSchema,
    etaAt: instantSchema.nullish(),
    message: messageSchema.optional(),
    idempotencyKey: idempotencyKeySchema.optional(),
  })
  .refine((input) => input.etaAt !== undefined || input.message !== undefined, {
    path: ["message"],
    message: "Give a new message or repair time",
  });
export type UpdateIncidentInput = z.infer<typeof updateIncidentInput>;

export const resolveIncidentInput = z.object({
  id: idSchema,
  resolvedAt: instantSchema.optional(),
  message: messageSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type ResolveIncidentInput = z.infer<typeof resolveIncidentInput>;

export const listIncidentsInput = z
  .object({ status: z.enum(["ACTIVE", "RESOLVED"]).optional(), limit: z.number().int().min(1).max(100).optional() })
  .optional()
  .transform((input) => input ?? {});

/** "Notify me"; `fromIntake`: chosen on the request form instead of filing a request. */
export const subscribeInput = z.object({ incidentId: idSchema, fromIntake: z.boolean().optional() });

/** An agent attaches a request to an incident by hand. */
export const attachToIncidentInput = z.object({ requestId: idSchema, incidentId: idSchema });

/** POST /api/incidents: the monitoring system's incident, idempotent by its own id. */
export const monitoringIncidentInput = z
  .object({
    externalId: safeString().trim().min(1).max(100),
    services: servicesSchema,
    area: areaSchema,
    startedAt: instantSchema,
    etaAt: instantSchema.nullish(),
    resolvedAt: instantSchema.nullish(),
    message: messageSchema,
  })
  .refine(etaAfterStart, { path: ["etaAt"], message: "The repair time is after the start" })
  .refine((value) => !value.resolvedAt || value.resolvedAt.getTime() >= value.startedAt.getTime(), {
    path: ["resolvedAt"],
    message: "The resolution is not before the start",
  });
export type MonitoringIncidentInput = z.infer<typeof monitoringIncidentInput>;
