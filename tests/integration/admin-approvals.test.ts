import { describe, expect, it } from "vitest";
import { callerAs, customerIdOf, DEMO } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { fieldErrorsOf } from "./helpers/trpc-errors";

/** The agent's limit of the seeded policy: 500 ₽. */
const LIMIT = 50_000;

async function largestBillOf(phone: string, skip = 0) {
  const customerId = await customerIdOf(phone);
  return testDb().bill.findFirstOrThrow({
    where: { customerId, status: { not: "CANCELLED" }, totalCents: { gt: LIMIT * 2 } },
    orderBy: { totalCents: "desc" },
    skip,
  });
}

/** An agent's adjustment above the limit: it waits for a supervisor. */
async function pendingAdjustment(phone: string, amountCents = -(LIMIT + 100), skip = 0) {
  const bill = await largestBillOf(phone, skip);
  const agent = await callerAs(DEMO.agent1);
  const adjustment = await agent.agent.adjustBill({
    billId: bill.id,
    amountCents,
    reason: "Компенсация за перерыв связи",
    idempotencyKey: newIdempotencyKey("test"),
  });
  expect(adjustment.status).toBe("PENDING_APPROVAL");
  return { adjustment, bill };
}

describe("admin.approvals", () => {
  it("lists the waiting adjustments with their bill and who asked", async () => {
    const { adjustment, bill } = await pendingAdjustment(DEMO.platinum);
    const admin = await callerAs(DEMO.admin);
    const list = await admin.admin.approvals.list();
    const item = list.items.find((row) => row.id === adjustment.id);
    expect(item).toMatchObject({
      status: "PENDING_APPROVAL",
      amountCents: -(LIMIT + 100),
      bill: { id: bill.id, number: bill.number },
      requestedBy: { email: DEMO.agent1 },
    });
    expect(list.pendingCount).toBeGreaterThanOrEqual(1);
    expect(list.items.every((row) => row.status === "PENDING_APPROVAL")).toBe(true);
  });

  it("approving applies the adjustment to the bill and the balance once, however often it is approved", async () => {
    const db = testDb();
    const { adjustment, bill } = await pendingAdjustment(DEMO.silver);
    const customerId = await customerIdOf(DEMO.silver);
    const balanceBefore = (await db.customer.findUniqueOrThrow({ where: { id: customerId } })).balanceCents;
    const admin = await callerAs(DEMO.admin);

    // Two supervisors (or a double click) at the same moment, then a retry.
    const [first, second] = await Promise.all([
      admin.admin.approvals.approve({ adjustmentId: adjustment.id, note: "Авария подтверждена" }),
      admin.admin.approvals.approve({ adjustmentId: adjustment.id, note: "Авария подтверждена" }),
    ]);
    const third = await admin.admin.approvals.approve({ adjustmentId: adjustment.id });
    for (const answer of [first, second, third])
      expect(answer).toMatchObject({ id: adjustment.id, status: "APPLIED", decisionReason: "Авария подтверждена" });

    const after = await db.bill.findUniqueOrThrow({ where: { id: bill.id }, include: { lines: true } });
    expect(after.totalCents).toBe(bill.totalCents - (LIMIT + 100));
    expect(
      after.lines.filter((line) => line.kind === "ADJUSTMENT" && line.amountCents === -(LIMIT + 100)),
    ).toHaveLength(1);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customerId } })).balanceCents).toBe(
      balanceBefore - (LIMIT + 100),
    );

    const audits = await db.auditLog.findMany({ where: { action: "billAdjustment.approve", entityId: adjustment.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.before).toMatchObject({ status: "PENDING_APPROVAL", bill: { totalCents: bill.totalCents } });
    expect(audits[0]!.after).toMatchObject({
      status: "APPLIED",
      bill: { totalCents: bill.totalCents - (LIMIT + 100) },
    });

    const decided = await admin.admin.approvals.list({ view: "DECIDED" });
    expect(decided.items.some((row) => row.id === adjustment.id && row.decidedBy?.name)).toBe(true);
    await expect(
      admin.admin.approvals.reject({ adjustmentId: adjustment.id, reason: "Передумали, слишком поздно" }),
    ).toHaveTRPCCode("CONFLICT");
  });

  it("rejecting needs a reason, leaves the bill untouched, and cannot be approved afterwards", async () => {
    const db = testDb();
    const { adjustment, bill } = await pendingAdjustment(DEMO.platinum, -(LIMIT + 200), 1);
    const admin = await callerAs(DEMO.admin);
    expect(
      Object.keys(await fieldErrorsOf(admin.admin.approvals.reject({ adjustmentId: adjustment.id, reason: " " }))),
    ).toContain("reason");
    expect((await db.billAdjustment.findUniqueOrThrow({ where: { id: adjustment.id } })).status).toBe(
      "PENDING_APPROVAL",
    );

    const rejected = await admin.admin.approvals.reject({
      adjustmentId: adjustment.id,
      reason: "Авария не подтверждена",
    });
    expect(rejected).toMatchObject({ status: "REJECTED", decisionReason: "Авария не подтверждена" });
    const again = await admin.admin.approvals.reject({ adjustmentId: adjustment.id, reason: "Авария не подтверждена" });
    expect(again.status).toBe("REJECTED");
    expect(await db.auditLog.count({ where: { action: "billAdjustment.reject", entityId: adjustment.id } })).toBe(1);
    expect((await db.bill.findUniqueOrThrow({ where: { id: bill.id } })).totalCents).toBe(bill.totalCents);
    await expect(admin.admin.approvals.approve({ adjustmentId: adjustment.id })).toHaveTRPCCode("CONFLICT");
  });

  it("an unknown adjustment is NOT_FOUND", async () => {
    const admin = await callerAs(DEMO.admin);
    await expect(admin.admin.approvals.approve({ adjustmentId: "no-such-adjustment" })).toHaveTRPCCode("NOT_FOUND");
    await expect(
      admin.admin.approvals.reject({ adjustmentId: "no-such-adjustment", reason: "Нет такой корректировки" }),
    ).toHaveTRPCCode("NOT_FOUND");
  });

  it("an agent cannot approve, even their own", async () => {
    const { adjustment } = await pendingAdjustment(DEMO.silver, -(LIMIT + 300));
    const agent = await callerAs(DEMO.agent1);
    await expect(agent.admin.approvals.approve({ adjustmentId: adjustment.id })).toHaveTRPCCode("FORBIDDEN");
    expect((await testDb().billAdjustment.findUniqueOrThrow({ where: { id: adjustment.id } })).status).toBe(
      "PENDING_APPROVAL",
    );
  });
});
