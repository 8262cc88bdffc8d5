import { sql, type Kysely } from "kysely";
import pg from "pg";
import { kyselyOverPool, type DB } from "../../server/db/kysely";
import { currentCycle } from "../../server/domain/billing/cycle";

// Fixtures read from (and reset in) the e2e database, typed by the schema like the app's SQL. The
// subscribers picked are generated ones of the demo data (same password as the demo logins) that
// no other spec touches.

const databaseUrl = () =>
  `postgresql://selfcare:selfcare@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 55491)}/selfcare`;

async function withDatabase<T>(work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 1 });
  pool.on("error", () => {});
  try {
    return await work(kyselyOverPool(pool));
  } finally {
    await pool.end();
  }
}

/** The demo logins (+7900100000x), which other specs use: these fixtures pick generated subscribers. */
const DEMO_LOGINS = "+7900100000%";

/**
 * A generated subscriber whose sessions no other spec opens (the other fixtures take the first
 * phones from either end): the signed-in devices journey ends sessions of its own.
 */
export function findQuietSubscriber(): Promise<{ phone: string }> {
  return withDatabase((db) =>
    db
      .selectFrom("User as u")
      .innerJoin("Customer as c", "c.id", "u.customerId")
      .select("u.phone")
      .where("u.role", "=", "SUBSCRIBER")
      .where("u.phone", "not like", DEMO_LOGINS)
      .where("u.passwordHash", "is not", null)
      .where("u.lockedAt", "is", null)
      .where("c.status", "=", "ACTIVE")
      .orderBy("u.phone", "asc")
      .offset(25)
      .limit(1)
      .$narrowType<{ phone: string }>()
      .executeTakeFirstOrThrow(),
  );
}

/** A seeded customer who owes money: the fixture for a credit refusal. */
export function findDebtorPassport(): Promise<{ documentNumber: string; birthDate: string }> {
  return withDatabase((db) =>
    db
      .selectFrom("Customer")
      .select((eb) => [
        eb.ref("documentNumber").$notNull().as("documentNumber"),
        sql<string>`to_char(${eb.ref("birthDate")}, 'DD.MM.YYYY')`.as("birthDate"),
      ])
      .where("balanceCents", ">", 0)
      .where("documentNumber", "is not", null)
      .where("birthDate", "is not", null)
      .orderBy("accountNumber")
      .limit(1)
      .executeTakeFirstOrThrow(),
  );
}

/** A generated subscriber with an unpaid bill above 200 roubles that nobody has tried to pay. */
export function findUnpaidBill(): Promise<{ phone: string; billId: string; number: string }> {
  return withDatabase((db) =>
    db
      .selectFrom("User as u")
      .innerJoin("Customer as c", "c.id", "u.customerId")
      .innerJoin("Bill as b", "b.customerId", "c.id")
      .select(["u.phone", "b.id as billId", "b.number"])
      .where("u.role", "=", "SUBSCRIBER")
      .where("u.phone", "not like", DEMO_LOGINS)
      .where("c.status", "=", "ACTIVE")
      .where("b.status", "in", ["ISSUED", "OVERDUE"])
      .where("b.paidCents", "=", 0)
      .where("b.totalCents", ">", 20000)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("Payment as p").select("p.id").whereRef("p.billId", "=", "b.id"))),
      )
      .orderBy("u.phone", "desc")
      .orderBy("b.issuedAt", "desc")
      .limit(1)
      .$narrowType<{ phone: string }>()
      .executeTakeFirstOrThrow(),
  );
}

/** Any generated subscriber's latest bill. */
export function findAnyBill(): Promise<{ phone: string; billId: string; number: string }> {
  return withDatabase((db) =>
    db
      .selectFrom("User as u")
      .innerJoin("Bill as b", "b.customerId", "u.customerId")
      .select(["u.phone", "b.id as billId", "b.number"])
      .where("u.role", "=", "SUBSCRIBER")
      .where("u.phone", "not like", DEMO_LOGINS)
      .orderBy("u.phone", "asc")
      .orderBy("b.issuedAt", "desc")
      .limit(1)
      .$narrowType<{ phone: string }>()
      .executeTakeFirstOrThrow(),
  );
}

/** A generated subscriber with a single, active line on `tariffId` and no scheduled tariff change. */
export function findSingleLineSubscriber(tariffId: string): Promise<{ phone: string }> {
  return withDatabase((db) =>
    db
      .selectFrom("User as u")
      .innerJoin("Customer as c", "c.id", "u.customerId")
      .select("u.phone")
      .where("u.role", "=", "SUBSCRIBER")
      .where("u.phone", "not like", DEMO_LOGINS)
      .where("c.status", "=", "ACTIVE")
      // Not one that partner.spec registered (activated with another password).
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("Order as o").select("o.id").whereRef("o.customerId", "=", "c.id"))),
      )
      .where((eb) =>
        eb(eb.selectFrom("Line as l").select(eb.fn.countAll().as("n")).whereRef("l.customerId", "=", "c.id"), "=", 1),
      )
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("Line as l")
            .select("l.id")
            .whereRef("l.customerId", "=", "c.id")
            .where("l.tariffId", "=", tariffId)
            .where("l.status", "=", "ACTIVE"),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("TariffChange as t")
              .select("t.id")
              .whereRef("t.customerId", "=", "c.id")
              .where("t.status", "=", "PENDING"),
          ),
        ),
      )
      .orderBy("u.phone", "desc")
      .limit(1)
      .$narrowType<{ phone: string }>()
      .executeTakeFirstOrThrow(),
  );
}

/**
 * A contact on the same topic within 7 days is routed to a person (a repeat), and an article is
 * rated once per person. Earlier runs against a reused server leave both behind, so this
 * subscriber's earlier contacts on the topic are moved back in time and their article answers
 * forgotten: what is under test is a first contact.
 */
export function forgetRecentContacts(phone: string, category: DB["ServiceRequest"]["category"]): Promise<void> {
  return withDatabase(async (db) => {
    await db
      .updateTable("ServiceRequest as r")
      .from("User as u")
      .set((eb) => ({ createdAt: sql<Date>`${eb.ref("r.createdAt")} - interval '8 days'` }))
      .where("u.phone", "=", phone)
      .whereRef("r.customerId", "=", "u.customerId")
      .where("r.category", "=", category)
      .where("r.createdAt", ">", sql<Date>`now() - interval '8 days'`)
      .execute();
    await db
      .deleteFrom("ArticleFeedback as f")
      .using("User as u")
      .where("u.phone", "=", phone)
      .whereRef("f.userId", "=", "u.id")
      .execute();
  });
}

/** A tariff change scheduled by an earlier run against a reused server would block the next one. */
export function cancelScheduledTariffChanges(phone: string): Promise<void> {
  return withDatabase(async (db) => {
    await db
      .updateTable("TariffChange as c")
      .from("User as u")
      .set({ status: "CANCELLED", cancelledAt: sql<Date>`now()` })
      .where("u.phone", "=", phone)
      .whereRef("c.customerId", "=", "u.customerId")
      .where("c.status", "=", "PENDING")
      .execute();
  });
}

/** A generated subscriber's login phone that no other spec uses: the `index`-th by number from the middle. */
export function findQuietSubscriberPhone(index: number): Promise<string> {
  return withDatabase(async (db) => {
    const row = await db
      .selectFrom("User")
      .select("phone")
      .where("role", "=", "SUBSCRIBER")
      .where("phone", "not like", DEMO_LOGINS)
      .where("phone", "is not", null)
      .where("lockedAt", "is", null)
      .orderBy("phone", "asc")
      .offset(40 + index)
      .limit(1)
      .$narrowType<{ phone: string }>()
      .executeTakeFirstOrThrow();
    return row.phone;
  });
}

/** The 6-digit code in the latest text to `phone` in the development outbox, once the job has sent it. */
export async function readCodeFromOutbox(phone: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const message = await withDatabase((db) =>
      db
        .selectFrom("SmsMessage")
        .select(["body", "status", "via"])
        .where("to", "=", phone)
        .orderBy("createdAt", "desc")
        .limit(1)
        .executeTakeFirst(),
    );
    const code = message?.status === "SENT" && message.via === "OUTBOX" ? message.body.match(/\d{6}/)?.[0] : undefined;
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no code reached the outbox for ${phone}`);
}

/**
 * As if strangers had failed 10 sign-ins on `phone` from elsewhere: the identifier's count (not
 * this address's), so the page meets the step-up, not a lock.
 */
export function markFailedSignInsElsewhere(phone: string, failures = 10): Promise<void> {
  return withDatabase(async (db) => {
    const now = new Date();
    await db
      .insertInto("LoginThrottle")
      .values({ key: `id:${phone}`, failures, lastFailureAt: now, updatedAt: now })
      .onConflict((conflict) => conflict.column("key").doUpdateSet({ failures, lastFailureAt: now, updatedAt: now }))
      .execute();
  });
}

/** The language a user's texts and pages are in. */
export function localeOf(phone: string): Promise<string> {
  return withDatabase(async (db) => {
    const row = await db.selectFrom("User").select("locale").where("phone", "=", phone).executeTakeFirstOrThrow();
    return row.locale;
  });
}

/**
 * As a provider timeout leaves it: an UNKNOWN payment on the latest unpaid bill of `phone`, which
 * the reconcile job will not ask about for an hour. Returns the bill and the payment to remove.
 */
export function leaveUnsettledPayment(phone: string): Promise<{ billId: string; paymentId: string }> {
  return withDatabase(async (db) => {
    const bill = await db
      .selectFrom("Bill as b")
      .innerJoin("User as u", "u.customerId", "b.customerId")
      .select(["b.id", "b.customerId", "b.totalCents", "b.paidCents", "u.id as userId"])
      .where("u.phone", "=", phone)
      .where("b.status", "in", ["ISSUED", "OVERDUE"])
      .orderBy("b.issuedAt", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    const paymentId = `e2e-unsettled-${Date.now()}`;
    await db
      .insertInto("Payment")
      .values({
        id: paymentId,
        billId: bill.id,
        customerId: bill.customerId,
        amountCents: bill.totalCents - bill.paidCents,
        status: "UNKNOWN",
        provider: "test",
        actorId: bill.userId,
        idempotencyKey: paymentId,
        nextReconcileAt: new Date(Date.now() + 60 * 60 * 1000),
      })
      .execute();
    return { billId: bill.id, paymentId };
  });
}

export function removePayment(id: string): Promise<void> {
  return withDatabase(async (db) => {
    await db.deleteFrom("Payment").where("id", "=", id).execute();
  });
}

/** A quiet subscriber (findQuietSubscriberPhone) who has an unpaid bill. */
export function findQuietDebtorPhone(): Promise<string> {
  return withDatabase(async (db) => {
    const row = await db
      .selectFrom("User as u")
      .innerJoin("Bill as b", "b.customerId", "u.customerId")
      .select("u.phone")
      .where("u.role", "=", "SUBSCRIBER")
      .where("u.phone", "not like", DEMO_LOGINS)
      .where("u.lockedAt", "is", null)
      .where("b.status", "in", ["ISSUED", "OVERDUE"])
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("Payment as p").select("p.id").whereRef("p.billId", "=", "b.id"))),
      )
      .orderBy("u.phone", "asc")
      .offset(60)
      .limit(1)
      .$narrowType<{ phone: string }>()
      .executeTakeFirstOrThrow();
    return row.phone;
  });
}

/**
 * As the bill run does for a customer with autopay: a new bill for `phone`, and its first autopay
 * charge queued for now. Returns the bill.
 */
export function issueBillForAutopay(phone: string): Promise<{ billId: string; number: string }> {
  return withDatabase(async (db) => {
    const customer = await db
      .selectFrom("User")
      .select("customerId")
      .where("phone", "=", phone)
      .$narrowType<{ customerId: string }>()
      .executeTakeFirstOrThrow();
    const billId = `bil_e2e_autopay_${Date.now()}`;
    const number = `AP-${Date.now()}`;
    const now = new Date();
    await db
      .insertInto("Bill")
      .values({
        id: billId,
        number,
        customerId: customer.customerId,
        periodStart: new Date(Date.UTC(2035, 0, 1)),
        periodEnd: new Date(Date.UTC(2035, 0, 31)),
        issuedAt: now,
        dueAt: new Date(now.getTime() + 14 * 86_400_000),
        subtotalCents: 45_000,
        taxCents: 9_000,
        totalCents: 54_000,
        status: "ISSUED",
      })
      .execute();
    await sql`SELECT graphile_worker.add_job('autopay:charge', ${JSON.stringify({ billId, attempt: 1 })}::json,
      job_key => ${`autopay:${billId}:1`})`.execute(db);
    return { billId, number };
  });
}

/** Sets the language of a user's pages and texts (the account's choice wins over the cookie). */
export function setLocaleOf(phone: string, locale: "ru" | "en"): Promise<void> {
  return withDatabase(async (db) => {
    await db.updateTable("User").set({ locale }).where("phone", "=", phone).execute();
  });
}

/** The last four digits of the passport on the file of the subscriber with this login phone ("0000" when none is on file). */
export function passportEndOf(phone: string): Promise<string> {
  return withDatabase(async (db) => {
    const row = await db
      .selectFrom("User as u")
      .innerJoin("Customer as c", "c.id", "u.customerId")
      .select("c.documentNumber")
      .where("u.phone", "=", phone)
      .executeTakeFirstOrThrow();
    return (row.documentNumber ?? "0000").replace(/\D/g, "").slice(-4);
  });
}

/** A line's phone number. */
export function lineMsisdn(lineId: string): Promise<string> {
  return withDatabase(async (db) => {
    const row = await db.selectFrom("Line").select("msisdn").where("id", "=", lineId).executeTakeFirstOrThrow();
    return row.msisdn ?? "";
  });
}

/**
 * The subscriber starts with no extras this billing cycle (the spending-limit journey): usage of the
 * last 31 days and purchases of the last 31 days are moved out of the cycle.
 */
export function clearRecentExtrasOf(phone: string): Promise<void> {
  return withDatabase(async (db) => {
    const user = await db.selectFrom("User").select("customerId").where("phone", "=", phone).executeTakeFirstOrThrow();
    const lineIds = db.selectFrom("Line").select("id").where("customerId", "=", user.customerId!);
    const since = new Date(Date.now() - 31 * 86_400_000);
    await db.deleteFrom("UsageRecord").where("lineId", "in", lineIds).where("date", ">=", since).execute();
    await db
      .updateTable("LineAddon")
      .set({ createdAt: new Date(Date.now() - 62 * 86_400_000) })
      .where("lineId", "in", lineIds)
      .where("createdAt", ">=", since)
      .execute();
  });
}

/**
 * As the network reports where a line was last seen: `phone`'s first mobile line moves to `cell`
 * alone, so an incident on that cell touches this line and no other spec's. Returns the line's id.
 */
export function moveLineToCell(phone: string, cell: string): Promise<string> {
  return withDatabase(async (db) => {
    const line = await db
      .selectFrom("Line as l")
      .innerJoin("User as u", "u.customerId", "l.customerId")
      .select("l.id")
      .where("u.phone", "=", phone)
      .where("l.kind", "=", "MOBILE")
      .where("l.status", "=", "ACTIVE")
      .orderBy("l.activatedAt")
      .limit(1)
      .executeTakeFirstOrThrow();
    await db
      .updateTable("Line")
      .set({ cells: [cell] })
      .where("id", "=", line.id)
      .execute();
    return line.id;
  });
}

/** The titles of `phone`'s in-app notifications of one kind, newest first (what push also delivered). */
export function notificationTitlesOf(phone: string, kind: string): Promise<string[]> {
  return withDatabase(async (db) => {
    const rows = await db
      .selectFrom("Notification as n")
      .innerJoin("User as u", "u.id", "n.userId")
      .select("n.title")
      .where("u.phone", "=", phone)
      .where("n.kind", "=", kind)
      .orderBy("n.createdAt", "desc")
      .execute();
    return rows.map((row) => row.title);
  });
}

/**
 * The next bill of `phone`'s customer, issued now instead of at the cycle's end: the `billing:batch`
 * job the nightly bill run queues, for the cycle running now, run by the e2e server's worker.
 * Returns the cycle's start (the bill's period).
 */
export function runBillFor(phone: string): Promise<Date> {
  return withDatabase(async (db) => {
    const customer = await db
      .selectFrom("User as u")
      .innerJoin("Customer as c", "c.id", "u.customerId")
      .select(["c.id", "c.billingDay"])
      .where("u.phone", "=", phone)
      .executeTakeFirstOrThrow();
    const { start } = currentCycle(customer.billingDay, new Date());
    const payload = JSON.stringify({ periodStart: start.toISOString(), customerIds: [customer.id] });
    await sql`SELECT graphile_worker.add_job('billing:batch', ${payload}::json,
      job_key => ${`e2e-bill:${customer.id}:${start.toISOString()}`})`.execute(db);
    return start;
  });
}
