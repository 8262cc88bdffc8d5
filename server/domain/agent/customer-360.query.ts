import { Prisma } from "@prisma/client";

// The customer 360 view as ONE SQL statement: every part is a correlated subquery on an index
// (customer id, then the newest rows first) aggregated to JSON by PostgreSQL, so a call costs one
// round trip whatever the customer's history. `customer-360.service.ts` turns the JSON into
// typed values; the integration tests compare it with what the other procedures answer.

export const RECENT_BILLS = 12;
export const RECENT_PAYMENTS = 20;
export const RECENT_REQUESTS = 20;
export const OPEN_REQUESTS = 50;
export const RECENT_CHANGES = 20;
export const RECENT_ADJUSTMENTS = 30;
export const TIMELINE_PAGE = 40;

export function customer360Query(customerId: string, now: Date): Prisma.Sql {
  return Prisma.sql`
WITH clock AS (
  SELECT (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC') AS now
), cust AS (
  SELECT c.*,
         -- The billing cycle containing now (as server/domain/billing/cycle.ts currentCycle).
         CASE WHEN extract(day FROM clock.now) >= c."billingDay"
              THEN make_date(extract(year FROM clock.now)::int, extract(month FROM clock.now)::int, c."billingDay")
              ELSE (make_date(extract(year FROM clock.now)::int, extract(month FROM clock.now)::int, c."billingDay") - interval '1 month')::date
         END AS "cycleStart"
    FROM "Customer" c, clock
   WHERE c."id" = ${customerId}
)
SELECT json_build_object(
  'customer', (
    SELECT json_build_object(
      'id', c."id", 'accountNumber', c."accountNumber", 'firstName', c."firstName", 'lastName', c."lastName",
      'middleName', c."middleName", 'birthDate', c."birthDate", 'documentNumber', c."documentNumber",
      'address', c."address", 'email', c."email", 'phone', c."phone", 'locale', c."locale", 'status', c."status",
      'balanceCents', c."balanceCents", 'currency', c."currency", 'billingDay', c."billingDay",
      'createdAt', c."createdAt", 'segment', c."segment", 'valueScore', c."valueScore",
      'valueBreakdown', c."valueBreakdown", 'valueComputedAt', c."valueComputedAt", 'cycleStart', c."cycleStart",
      'partner', (SELECT json_build_object('id', p."id", 'name', p."name", 'code', p."code") FROM "Partner" p WHERE p."id" = c."partnerId"),
      'personalManager', (SELECT json_build_object('id', m."id", 'name', m."name", 'email', m."email") FROM "User" m WHERE m."id" = c."personalManagerId"),
      'login', (
        SELECT json_build_object('id', u."id", 'phone', u."phone", 'email', u."email", 'locale', u."locale",
                                 'isActivated', u."passwordHash" IS NOT NULL, 'isLocked', u."lockedAt" IS NOT NULL)
          FROM "User" u WHERE u."customerId" = c."id")
    ) FROM cust c
  ),
  'lines', (
    SELECT coalesce(json_agg(json_build_object(
      'id', l."id", 'kind', l."kind", 'msisdn', l."msisdn", 'address', l."address", 'status', l."status",
      'activatedAt', l."activatedAt", 'tariffSince', l."tariffSince",
      'tariff', json_build_object('id', t."id", 'code', t."code", 'name', t."name", 'nameEn', t."nameEn",
                                  'monthlyFeeCents', t."monthlyFeeCents", 'minTermMonths', t."minTermMonths",
                                  'minutes', t."minutes", 'sms', t."sms", 'dataMb', t."dataMb"),
      'used', (SELECT json_build_object('minutes', coalesce(sum(r."minutes"), 0), 'sms', coalesce(sum(r."sms"), 0), 'dataMb', coalesce(sum(r."dataMb"), 0))
                 FROM "UsageRecord" r, cust
                WHERE r."lineId" = l."id" AND r."date" >= cust."cycleStart" AND r."date" < (cust."cycleStart" + interval '1 month')),
      'pendingChange', (
        SELECT json_build_object('id', tc."id", 'effectiveAt', tc."effectiveAt",
                                 'toTariff', json_build_object('id', nt."id", 'code', nt."code", 'name', nt."name", 'nameEn', nt."nameEn", 'monthlyFeeCents', nt."monthlyFeeCents"))
          FROM "TariffChange" tc JOIN "Tariff" nt ON nt."id" = tc."toTariffId"
         WHERE tc."lineId" = l."id" AND tc."status" = 'PENDING' LIMIT 1)
    ) ORDER BY l."status", l."activatedAt"), '[]'::json)
      FROM "Line" l JOIN "Tariff" t ON t."id" = l."tariffId"
     WHERE l."customerId" = ${customerId}
  ),
  'bills', (
    SELECT coalesce(json_agg(json_build_object(
      'id', b."id", 'number', b."number", 'periodStart', b."periodStart", 'periodEnd', b."periodEnd",
      'issuedAt', b."issuedAt", 'dueAt', b."dueAt", 'subtotalCents', b."subtotalCents", 'taxCents', b."taxCents",
      'totalCents', b."totalCents", 'paidCents', b."paidCents", 'currency', b."currency", 'status', b."status", 'paidAt', b."paidAt",
      'lines', (SELECT coalesce(json_agg(json_build_object('id', bl."id", 'kind', bl."kind", 'description', bl."description",
                                                           'quantity', bl."quantity", 'amountCents', bl."amountCents")
                                         ORDER BY bl."amountCents" DESC, bl."id"), '[]'::json)
                  FROM "BillLine" bl WHERE bl."billId" = b."id")
    ) ORDER BY b."issuedAt" DESC, b."id" DESC), '[]'::json)
      FROM (SELECT * FROM "Bill" WHERE "customerId" = ${customerId} ORDER BY "issuedAt" DESC, "id" DESC LIMIT ${RECENT_BILLS}) b
  ),
  'adjustments', (
    SELECT coalesce(json_agg(json_build_object(
      'id', a."id", 'billId', a."billId", 'billNumber', a."billNumber", 'amountCents', a."amountCents", 'reason', a."reason",
      'status', a."status", 'createdAt', a."createdAt", 'decidedAt', a."decidedAt",
      'requestedBy', json_build_object('id', a."requestedById", 'name', a."requesterName")
    ) ORDER BY a."createdAt" DESC, a."id" DESC), '[]'::json)
      FROM (SELECT ad.*, bb."number" AS "billNumber", ru."name" AS "requesterName"
              FROM "BillAdjustment" ad
              JOIN "Bill" bb ON bb."id" = ad."billId"
              JOIN "User" ru ON ru."id" = ad."requestedById"
             WHERE bb."customerId" = ${customerId}
             ORDER BY ad."createdAt" DESC, ad."id" DESC LIMIT ${RECENT_ADJUSTMENTS}) a
  ),
  'payments', (
    SELECT coalesce(json_agg(json_build_object(
      'id', pm."id", 'billId', pm."billId", 'billNumber', pm."billNumber", 'amountCents', pm."amountCents",
      'currency', pm."currency", 'status', pm."status", 'channel', pm."channel", 'cardLast4', pm."cardLast4",
      'failureReason', pm."failureReason", 'createdAt', pm."createdAt"
    ) ORDER BY pm."createdAt" DESC, pm."id" DESC), '[]'::json)
      FROM (SELECT p.*, pb."number" AS "billNumber"
              FROM "Payment" p JOIN "Bill" pb ON pb."id" = p."billId"
             WHERE p."customerId" = ${customerId}
             ORDER BY p."createdAt" DESC, p."id" DESC LIMIT ${RECENT_PAYMENTS}) pm
  ),
  'requests', (
    SELECT coalesce(json_agg(json_build_object(
      'id', sr."id", 'number', sr."number", 'category', sr."category", 'subject', sr."subject", 'status', sr."status",
      'channel', sr."channel", 'priority', sr."priority", 'slaDueAt', sr."slaDueAt", 'decision', sr."decision",
      'createdAt', sr."createdAt", 'resolvedAt', sr."resolvedAt", 'resolutionCode', sr."resolutionCode",
      'assignedTo', CASE WHEN sr."assignedToId" IS NULL THEN NULL ELSE json_build_object('id', sr."assignedToId", 'name', sr."assigneeName") END
    ) ORDER BY sr."isDone", sr."rank"), '[]'::json)
      FROM (
        (SELECT r.*, a."name" AS "assigneeName", false AS "isDone", row_number() OVER (ORDER BY r."priority", r."createdAt" DESC) AS "rank"
           FROM "ServiceRequest" r LEFT JOIN "User" a ON a."id" = r."assignedToId"
          WHERE r."customerId" = ${customerId}
            AND r."status" IN ('NEW', 'SELF_SERVICE', 'QUEUED', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_CUSTOMER', 'REOPENED')
          ORDER BY r."priority", r."createdAt" DESC LIMIT ${OPEN_REQUESTS})
        UNION ALL
        (SELECT r.*, a."name", true, row_number() OVER (ORDER BY r."createdAt" DESC)
           FROM "ServiceRequest" r LEFT JOIN "User" a ON a."id" = r."assignedToId"
          WHERE r."customerId" = ${customerId} AND r."status" IN ('RESOLVED', 'CLOSED')
          ORDER BY r."createdAt" DESC LIMIT ${RECENT_REQUESTS})
      ) sr
  ),
  'tariffChanges', (
    SELECT coalesce(json_agg(json_build_object(
      'id', ch."id", 'lineId', ch."lineId", 'effective', ch."effective", 'effectiveAt', ch."effectiveAt", 'status', ch."status",
      'channel', ch."channel", 'prorationCreditCents', ch."prorationCreditCents", 'prorationChargeCents', ch."prorationChargeCents",
      'createdAt', ch."createdAt",
      'line', json_build_object('msisdn', cl."msisdn", 'kind', cl."kind"),
      'fromTariff', json_build_object('id', ft."id", 'code', ft."code", 'name', ft."name", 'nameEn', ft."nameEn", 'monthlyFeeCents', ft."monthlyFeeCents"),
      'toTariff', json_build_object('id', tt."id", 'code', tt."code", 'name', tt."name", 'nameEn', tt."nameEn", 'monthlyFeeCents', tt."monthlyFeeCents"),
      'requestedBy', json_build_object('name', rb."name", 'role', rb."role")
    ) ORDER BY ch."createdAt" DESC, ch."id" DESC), '[]'::json)
      FROM (SELECT * FROM "TariffChange" WHERE "customerId" = ${customerId} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${RECENT_CHANGES}) ch
      JOIN "Line" cl ON cl."id" = ch."lineId"
      JOIN "Tariff" ft ON ft."id" = ch."fromTariffId"
      JOIN "Tariff" tt ON tt."id" = ch."toTariffId"
      JOIN "User" rb ON rb."id" = ch."requestedById"
  ),
  'interactions', (
    SELECT coalesce(json_agg(json_build_object(
      'id', i."id", 'channel', i."channel", 'type', i."type", 'at', i."at", 'data', i."data", 'requestId', i."requestId",
      'requestNumber', (SELECT q."number" FROM "ServiceRequest" q WHERE q."id" = i."requestId"),
      'actor', (SELECT json_build_object('name', ia."name", 'role', ia."role") FROM "User" ia WHERE ia."id" = i."actorId")
    ) ORDER BY i."at" DESC, i."id" DESC), '[]'::json)
      FROM (SELECT * FROM "Interaction" WHERE "customerId" = ${customerId} ORDER BY "at" DESC, "id" DESC LIMIT ${TIMELINE_PAGE + 1}) i
  )
) AS "view"
WHERE EXISTS (SELECT 1 FROM cust)`;
}
