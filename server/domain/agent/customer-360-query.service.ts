import "server-only";
import { sql, type Kysely } from "kysely";
import { jsonArrayFrom, jsonBuildObject, jsonObjectFrom } from "kysely/helpers/postgres";
import type { DB } from "../../db/kysely";
import { OPEN_CHANGE_STATUSES } from "../tariff/tariff-change-status";

// The customer 360 view as ONE SQL statement: every part is a correlated subquery on an index
// (customer id, then the newest rows first) aggregated to JSON by PostgreSQL, so a call costs one
// round trip whatever the customer's history. In the JSON, timestamps are strings (UTC without a
// zone); `customer-360.service.ts` turns them into dates, and the integration tests compare the
// view with what the other procedures answer.

export const RECENT_BILLS = 12;
export const RECENT_PAYMENTS = 20;
export const RECENT_REQUESTS = 20;
export const OPEN_REQUESTS = 50;
export const RECENT_CHANGES = 20;
export const RECENT_ADJUSTMENTS = 30;
export const TIMELINE_PAGE = 40;

const OPEN_STATUSES = [
  "NEW",
  "SELF_SERVICE",
  "QUEUED",
  "ASSIGNED",
  "IN_PROGRESS",
  "WAITING_CUSTOMER",
  "REOPENED",
] as const;

export function selectCustomer360(db: Kysely<DB>, customerId: string, now: Date) {
  return (
    db
      .with("clock", (db) => db.selectNoFrom(sql<Date>`${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'`.as("now")))
      .with("cust", (db) =>
        db
          .selectFrom(["Customer as c", "clock"])
          .selectAll("c")
          .select((eb) => {
            // The billing cycle containing now (as server/domain/billing/cycle.ts currentCycle).
            const now = eb.ref("clock.now");
            const day = eb.ref("c.billingDay");
            const thisMonth = sql<Date>`make_date(extract(year FROM ${now})::int, extract(month FROM ${now})::int, ${day})`;
            return sql<Date>`CASE WHEN extract(day FROM ${now}) >= ${day} THEN ${thisMonth}
                                  ELSE (${thisMonth} - interval '1 month')::date END`.as("cycleStart");
          })
          .where("c.id", "=", customerId),
      )
      .selectNoFrom((eb) => [
        jsonObjectFrom(
          eb
            .selectFrom("cust as c")
            .select([
              "c.id",
              "c.accountNumber",
              "c.firstName",
              "c.lastName",
              "c.middleName",
              "c.birthDate",
              "c.documentNumber",
              "c.address",
              "c.email",
              "c.phone",
              "c.locale",
              "c.status",
              "c.balanceCents",
              "c.currency",
              "c.billingDay",
              "c.createdAt",
              "c.segment",
              "c.valueScore",
              "c.valueBreakdown",
              "c.valueComputedAt",
              "c.cycleStart",
            ])
            .select((eb) => [
              jsonObjectFrom(
                eb.selectFrom("Partner as p").select(["p.id", "p.name", "p.code"]).whereRef("p.id", "=", "c.partnerId"),
              ).as("partner"),
              jsonObjectFrom(
                eb
                  .selectFrom("User as m")
                  .select(["m.id", "m.name", "m.email"])
                  .whereRef("m.id", "=", "c.personalManagerId"),
              ).as("personalManager"),
              jsonObjectFrom(
                eb
                  .selectFrom("User as u")
                  .select((eb) => [
                    "u.id",
                    "u.phone",
                    "u.email",
                    "u.locale",
                    eb("u.passwordHash", "is not", null).$castTo<boolean>().as("isActivated"),
                    eb("u.lockedAt", "is not", null).$castTo<boolean>().as("isLocked"),
                  ])
                  .whereRef("u.customerId", "=", "c.id"),
              ).as("login"),
            ]),
        )
          .$notNull()
          .as("customer"),
        jsonArrayFrom(
          eb
            .selectFrom("Line as l")
            .innerJoin("Tariff as t", "t.id", "l.tariffId")
            .select((eb) => [
              "l.id",
              "l.kind",
              "l.msisdn",
              "l.address",
              "l.status",
              "l.suspendedUntil",
              "l.activatedAt",
              "l.tariffSince",
              "l.serviceRegion",
              "l.cells",
              "l.accessNode",
              "l.building",
              "l.spendLimitCents",
              jsonBuildObject({
                id: eb.ref("t.id"),
                code: eb.ref("t.code"),
                name: eb.ref("t.name"),
                nameEn: eb.ref("t.nameEn"),
                monthlyFeeCents: eb.ref("t.monthlyFeeCents"),
                minTermMonths: eb.ref("t.minTermMonths"),
                minutes: eb.ref("t.minutes"),
                sms: eb.ref("t.sms"),
                dataMb: eb.ref("t.dataMb"),
              }).as("tariff"),
              jsonObjectFrom(
                eb
                  .selectFrom(["UsageRecord as r", "cust"])
                  .select((eb) => [
                    eb.fn.coalesce(eb.fn.sum<number>("r.minutes"), eb.lit(0)).as("minutes"),
                    eb.fn.coalesce(eb.fn.sum<number>("r.sms"), eb.lit(0)).as("sms"),
                    eb.fn.coalesce(eb.fn.sum<number>("r.dataMb"), eb.lit(0)).as("dataMb"),
                  ])
                  .whereRef("r.lineId", "=", "l.id")
                  .whereRef("r.date", ">=", "cust.cycleStart")
                  .where((eb) => eb("r.date", "<", sql<Date>`${eb.ref("cust.cycleStart")} + interval '1 month'`)),
              )
                .$notNull()
                .as("used"),
              jsonObjectFrom(
                eb
                  .selectFrom("TariffChange as tc")
                  .innerJoin("Tariff as nt", "nt.id", "tc.toTariffId")
                  .select((eb) => [
                    "tc.id",
                    "tc.status",
                    "tc.effectiveAt",
                    jsonBuildObject({
                      id: eb.ref("nt.id"),
                      code: eb.ref("nt.code"),
                      name: eb.ref("nt.name"),
                      nameEn: eb.ref("nt.nameEn"),
                      monthlyFeeCents: eb.ref("nt.monthlyFeeCents"),
                    }).as("toTariff"),
                  ])
                  .whereRef("tc.lineId", "=", "l.id")
                  .where("tc.status", "in", OPEN_CHANGE_STATUSES)
                  .limit(1),
              ).as("pendingChange"),
              // What the network has not applied yet; NEEDS_AGENT is for the agent to send again.
              jsonArrayFrom(
                eb
                  .selectFrom("ProvisioningCommand as pc")
                  .select(["pc.id", "pc.kind", "pc.status", "pc.attempts", "pc.lastError", "pc.createdAt"])
                  .whereRef("pc.lineId", "=", "l.id")
                  .where("pc.status", "<>", "DONE")
                  .orderBy("pc.createdAt"),
              ).as("pendingCommands"),
            ])
            .where("l.customerId", "=", customerId)
            .orderBy("l.status")
            .orderBy("l.activatedAt"),
        ).as("lines"),
        jsonArrayFrom(
          eb
            .selectFrom("Bill as b")
            .select((eb) => [
              "b.id",
              "b.number",
              "b.periodStart",
              "b.periodEnd",
              "b.issuedAt",
              "b.dueAt",
              "b.subtotalCents",
              "b.taxCents",
              "b.totalCents",
              "b.paidCents",
              "b.currency",
              "b.status",
              "b.paidAt",
              jsonArrayFrom(
                eb
                  .selectFrom("BillLine as bl")
                  .select(["bl.id", "bl.kind", "bl.description", "bl.quantity", "bl.amountCents"])
                  .whereRef("bl.billId", "=", "b.id")
                  .orderBy("bl.amountCents", "desc")
                  .orderBy("bl.id"),
              ).as("lines"),
            ])
            .where("b.customerId", "=", customerId)
            .orderBy("b.issuedAt", "desc")
            .orderBy("b.id", "desc")
            .limit(RECENT_BILLS),
        ).as("bills"),
        jsonArrayFrom(
          eb
            .selectFrom("BillAdjustment as a")
            .innerJoin("Bill as b", "b.id", "a.billId")
            .innerJoin("User as u", "u.id", "a.requestedById")
            .select((eb) => [
              "a.id",
              "a.billId",
              "b.number as billNumber",
              "a.amountCents",
              "a.reason",
              "a.status",
              "a.createdAt",
              "a.decidedAt",
              jsonBuildObject({ id: eb.ref("a.requestedById"), name: eb.ref("u.name") }).as("requestedBy"),
            ])
            .where("b.customerId", "=", customerId)
            .orderBy("a.createdAt", "desc")
            .orderBy("a.id", "desc")
            .limit(RECENT_ADJUSTMENTS),
        ).as("adjustments"),
        jsonArrayFrom(
          eb
            .selectFrom("Payment as p")
            .innerJoin("Bill as b", "b.id", "p.billId")
            .select([
              "p.id",
              "p.billId",
              "b.number as billNumber",
              "p.amountCents",
              "p.currency",
              "p.status",
              "p.channel",
              "p.cardLast4",
              "p.failureReason",
              "p.createdAt",
            ])
            .where("p.customerId", "=", customerId)
            .orderBy("p.createdAt", "desc")
            .orderBy("p.id", "desc")
            .limit(RECENT_PAYMENTS),
        ).as("payments"),
        jsonArrayFrom(
          eb
            .selectFrom((eb) => {
              // Open requests first (most urgent first), then the latest finished ones.
              const requests = (isDone: boolean) =>
                eb
                  .selectFrom("ServiceRequest as r")
                  .leftJoin("User as a", "a.id", "r.assignedToId")
                  .select([
                    "r.id",
                    "r.number",
                    "r.category",
                    "r.subject",
                    "r.status",
                    "r.channel",
                    "r.priority",
                    "r.slaDueAt",
                    "r.decision",
                    "r.createdAt",
                    "r.resolvedAt",
                    "r.resolutionCode",
                    "r.assignedToId",
                    "a.name as assigneeName",
                    sql.lit(isDone).as("isDone"),
                  ])
                  .where("r.customerId", "=", customerId);
              const open = requests(false)
                .select((eb) =>
                  eb.fn
                    .agg<number>("row_number")
                    .over((over) => over.orderBy("r.priority").orderBy("r.createdAt", "desc"))
                    .as("rank"),
                )
                .where("r.status", "in", OPEN_STATUSES)
                .orderBy("r.priority")
                .orderBy("r.createdAt", "desc")
                .limit(OPEN_REQUESTS);
              const done = requests(true)
                .select((eb) =>
                  eb.fn
                    .agg<number>("row_number")
                    .over((over) => over.orderBy("r.createdAt", "desc"))
                    .as("rank"),
                )
                .where("r.status", "in", ["RESOLVED", "CLOSED"])
                .orderBy("r.createdAt", "desc")
                .limit(RECENT_REQUESTS);
              return eb
                .selectFrom(open.as("open"))
                .selectAll()
                .unionAll(eb.selectFrom(done.as("done")).selectAll())
                .as("sr");
            })
            .select((eb) => [
              "sr.id",
              "sr.number",
              "sr.category",
              "sr.subject",
              "sr.status",
              "sr.channel",
              "sr.priority",
              "sr.slaDueAt",
              "sr.decision",
              "sr.createdAt",
              "sr.resolvedAt",
              "sr.resolutionCode",
              eb
                .case()
                .when("sr.assignedToId", "is not", null)
                .then(jsonBuildObject({ id: eb.ref("sr.assignedToId").$notNull(), name: eb.ref("sr.assigneeName") }))
                .end()
                .as("assignedTo"),
            ])
            .orderBy("sr.isDone")
            .orderBy("sr.rank"),
        ).as("requests"),
        jsonArrayFrom(
          eb
            .selectFrom((eb) =>
              eb
                .selectFrom("TariffChange")
                .selectAll()
                .where("customerId", "=", customerId)
                .orderBy("createdAt", "desc")
                .orderBy("id", "desc")
                .limit(RECENT_CHANGES)
                .as("ch"),
            )
            .innerJoin("Line as l", "l.id", "ch.lineId")
            .innerJoin("Tariff as ft", "ft.id", "ch.fromTariffId")
            .innerJoin("Tariff as tt", "tt.id", "ch.toTariffId")
            .innerJoin("User as rb", "rb.id", "ch.requestedById")
            .select((eb) => [
              "ch.id",
              "ch.lineId",
              "ch.effective",
              "ch.effectiveAt",
              "ch.status",
              "ch.channel",
              "ch.prorationCreditCents",
              "ch.prorationChargeCents",
              "ch.createdAt",
              jsonBuildObject({ msisdn: eb.ref("l.msisdn"), kind: eb.ref("l.kind") }).as("line"),
              jsonBuildObject({
                id: eb.ref("ft.id"),
                code: eb.ref("ft.code"),
                name: eb.ref("ft.name"),
                nameEn: eb.ref("ft.nameEn"),
                monthlyFeeCents: eb.ref("ft.monthlyFeeCents"),
              }).as("fromTariff"),
              jsonBuildObject({
                id: eb.ref("tt.id"),
                code: eb.ref("tt.code"),
                name: eb.ref("tt.name"),
                nameEn: eb.ref("tt.nameEn"),
                monthlyFeeCents: eb.ref("tt.monthlyFeeCents"),
              }).as("toTariff"),
              jsonBuildObject({ name: eb.ref("rb.name"), role: eb.ref("rb.role") }).as("requestedBy"),
            ])
            .orderBy("ch.createdAt", "desc")
            .orderBy("ch.id", "desc"),
        ).as("tariffChanges"),
        jsonArrayFrom(
          eb
            .selectFrom("Interaction as i")
            .select((eb) => [
              "i.id",
              "i.channel",
              "i.type",
              "i.at",
              "i.data",
              "i.requestId",
              eb
                .selectFrom("ServiceRequest as q")
                .select("q.number")
                .whereRef("q.id", "=", "i.requestId")
                .as("requestNumber"),
              jsonObjectFrom(
                eb.selectFrom("User as ia").select(["ia.name", "ia.role"]).whereRef("ia.id", "=", "i.actorId"),
              ).as("actor"),
            ])
            .where("i.customerId", "=", customerId)
            .orderBy("i.at", "desc")
            .orderBy("i.id", "desc")
            .limit(TIMELINE_PAGE + 1),
        ).as("interactions"),
      ])
      // No row for a customer that does not exist.
      .where(({ exists, selectFrom }) => exists(selectFrom("cust").select("cust.id")))
  );
}
