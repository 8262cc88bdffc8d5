import { DEMO } from "./callers";
import { testDb } from "./db";

/** The customer behind a demo subscriber login, with lines by number. */
export async function demoCustomer(identifier: (typeof DEMO)[keyof typeof DEMO]) {
  const db = testDb();
  const user = await db.user.findUniqueOrThrow({
    where: { phone: identifier },
    include: { customer: { include: { lines: { include: { tariff: true } } } } },
  });
  const customer = user.customer!;
  const line = (msisdn: string | null) => {
    const found = customer.lines.find((candidate) => candidate.msisdn === msisdn);
    if (!found) throw new Error(`no line ${msisdn}`);
    return found;
  };
  return { user, customer, line };
}

/** The login phone of the n-th generated (non-demo) subscriber, for tests that need a customer of their own. */
export async function generatedSubscriber(n: number): Promise<string> {
  const users = await testDb().user.findMany({
    where: {
      role: "SUBSCRIBER",
      phone: { notIn: Object.values(DEMO) },
      customer: { lines: { some: { status: "ACTIVE" } }, status: "ACTIVE" },
    },
    orderBy: { phone: "asc" },
    take: n + 1,
    select: { phone: true },
  });
  const phone = users[n]?.phone;
  if (!phone) throw new Error(`no generated subscriber #${n}`);
  return phone;
}
