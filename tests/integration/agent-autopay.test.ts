import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "../../app/_lib/idempotency-key";
import { callerAs, customerIdOf, DEMO, userIdOf } from "./helpers/callers";
import { testDb } from "./helpers/db";
import { fieldErrorsOf } from "./helpers/trpc-errors";

const VISA = { brand: "visa", last4: "4242" };

describe("agent.autopay and agent.disableAutopay", () => {
  it("shows the subscriber's autopay to the agent, who turns it off on their behalf, audited once per key", async () => {
    const db = testDb();
    const subscriber = await callerAs(DEMO.bronze);
    const agent = await callerAs(DEMO.agent1);
    const customerId = await customerIdOf(DEMO.bronze);
    const agentId = await userIdOf(DEMO.agent1);

    expect(await agent.agent.autopay({ customerId })).toEqual({ enabled: false, card: null, enabledAt: null });
    await subscriber.autopay.enable({ cardToken: "tok_visa" });
    const shown = await agent.agent.autopay({ customerId });
    expect(shown).toMatchObject({ enabled: true, card: VISA });
    expect(shown.enabledAt).toBeInstanceOf(Date);

    const key = newIdempotencyKey("agent-autopay");
    const [first, raced] = await Promise.all([
      agent.agent.disableAutopay({ customerId, idempotencyKey: key }),
      agent.agent.disableAutopay({ customerId, idempotencyKey: key }),
    ]);
    expect(first).toEqual({ enabled: false, card: VISA, enabledAt: null });
    expect(raced).toEqual(first);
    expect(await subscriber.autopay.get()).toEqual({ enabled: false, card: VISA, enabledAt: null });
    expect(await db.autopaySetting.findUniqueOrThrow({ where: { customerId } })).toMatchObject({
      enabled: false,
      changedById: agentId,
      channel: "PHONE",
    });

    const audit = () => db.auditLog.findMany({ where: { action: "autopay.disable", entityId: customerId } });
    const [entry] = await audit();
    expect(await audit()).toHaveLength(1);
    expect(entry).toMatchObject({
      actorId: agentId,
      actorRole: "AGENT",
      entityType: "AutopaySetting",
      before: { enabled: true, cardBrand: "visa", cardLast4: "4242" },
      after: { enabled: false, cardBrand: "visa", cardLast4: "4242" },
    });
    const interactions = () =>
      db.interaction.count({ where: { customerId, type: "AUTOPAY_DISABLED", channel: "PHONE" } });
    expect(await interactions()).toBe(1);

    // Off already: a new key answers the view and records nothing.
    expect(await agent.agent.disableAutopay({ customerId, idempotencyKey: newIdempotencyKey("again") })).toEqual(first);
    expect(await audit()).toHaveLength(1);
    expect(await interactions()).toBe(1);

    // The subscriber turns it on again: a replay of the old key does not turn it off a second time.
    await subscriber.autopay.enable({ cardToken: "tok_visa" });
    expect(await agent.agent.disableAutopay({ customerId, idempotencyKey: key })).toMatchObject({ enabled: true });
    expect(await subscriber.autopay.get()).toMatchObject({ enabled: true });
    expect(await audit()).toHaveLength(1);

    // Two agents at once with their own keys: one turns it off, one entry.
    const supervisor = await callerAs(DEMO.admin);
    const both = await Promise.all([
      agent.agent.disableAutopay({ customerId, idempotencyKey: newIdempotencyKey("one") }),
      supervisor.agent.disableAutopay({ customerId, idempotencyKey: newIdempotencyKey("two") }),
    ]);
    expect(both.map((view) => view.enabled)).toEqual([false, false]);
    expect(await audit()).toHaveLength(2);
    expect(await interactions()).toBe(2);
  });

  it("answers NOT_FOUND for a customer that does not exist, and a key reused for another customer is CONFLICT", async () => {
    const agent = await callerAs(DEMO.agent2);
    await expect(agent.agent.autopay({ customerId: "cl_no_such_customer" })).toHaveTRPCCode("NOT_FOUND");
    await expect(
      agent.agent.disableAutopay({ customerId: "cl_no_such_customer", idempotencyKey: newIdempotencyKey("x") }),
    ).toHaveTRPCCode("NOT_FOUND");

    const platinum = await callerAs(DEMO.platinum);
    await platinum.autopay.enable({ cardToken: "tok_visa" });
    const key = newIdempotencyKey("reused");
    await agent.agent.disableAutopay({ customerId: await customerIdOf(DEMO.platinum), idempotencyKey: key });
    await expect(
      agent.agent.disableAutopay({ customerId: await customerIdOf(DEMO.silver), idempotencyKey: key }),
    ).toHaveTRPCCode("CONFLICT");
  });

  it("refuses bad input with the field, and subscribers and dealers never reach it", async () => {
    const agent = await callerAs(DEMO.agent1);
    const customerId = await customerIdOf(DEMO.silver);
    expect(
      Object.keys(await fieldErrorsOf(agent.agent.disableAutopay({ customerId, idempotencyKey: "short" }))),
    ).toEqual(["idempotencyKey"]);
    expect(
      Object.keys(await fieldErrorsOf(agent.agent.autopay({ customerId: "" } as unknown as { customerId: string }))),
    ).toEqual(["customerId"]);

    const subscriber = await callerAs(DEMO.silver);
    await expect(subscriber.agent.autopay({ customerId })).toHaveTRPCCode("FORBIDDEN");
    await expect(
      subscriber.agent.disableAutopay({ customerId, idempotencyKey: newIdempotencyKey("s") }),
    ).toHaveTRPCCode("FORBIDDEN");
    const dealer = await callerAs(DEMO.dealer1);
    await expect(dealer.agent.disableAutopay({ customerId, idempotencyKey: newIdempotencyKey("d") })).toHaveTRPCCode(
      "FORBIDDEN",
    );
  });
});
