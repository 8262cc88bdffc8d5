import "server-only";
import { assignServiceArea, serviceAreaColumns } from "../incident/incident-area";
import { randomBytes, randomInt } from "node:crypto";
import type { Role } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { hashPassword, verifyPassword } from "../identity/password";
import { writeAudit } from "../audit/write-audit.service";
import { AppError, isUniqueViolation } from "../errors";
import { recordInteraction } from "../interaction/record-interaction.service";
import { activationExpiry, deriveActivationCode } from "./activation-code";
import { getActivationKey } from "./activation-key.service";
import { consumeOrThrow } from "../abuse/abuse-limits.service";
import { checkCredit, getSellableTariffOrThrow } from "./credit-check.service";
import { assignNumber } from "./number-pool.service";
import type { RegisterSubscriberInput } from "./partner.schema";
import { operatorToday, REGISTRATION_MESSAGES as M } from "./registration-rules";
import { queueValueRecompute } from "../value/queue-recompute.service";

export type Dealer = { partnerId: string; userId: string; role: Role; ip: string };

export type RegistrationResult = {
  customerId: string;
  accountNumber: string;
  orderId: string;
  kind: "MOBILE" | "HOME_INTERNET";
  /** The new number of a MOBILE order; null for home internet. */
  msisdn: string | null;
  /** The line's service identifier (the one a home-internet subscriber quotes to support). */
  serviceId: string | null;
  installationAddress: string | null;
  /** What the subscriber signs in with: the new number, or the contact phone for home internet. */
  loginPhone: string | null;
  customerName: string;
  /** The one-time code the subscriber activates the account with; null once used or expired. */
  activationCode: string | null;
  activationExpiresAt: Date | null;
  tariff: { id: string; code: string; name: string; nameEn: string; monthlyFeeCents: number };
  depositCents: number;
  creditLimitCents: number;
  currency: string;
  contractUrl: string;
};

/** 10 digits like the existing accounts, starting with 5 for accounts opened by dealers. */
async function newAccountNumber(db: Database): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = `5${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;
    if (!(await db.customer.findUnique({ where: { accountNumber: candidate }, select: { id: true } })))
      return candidate;
  }
  throw new AppError("CONFLICT", "Could not allocate an account number; try again");
}

async function resultOf(db: Database, orderId: string, now: Date): Promise<RegistrationResult> {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { tariff: true, line: { select: { id: true, address: true } }, customer: { include: { login: true } } },
  });
  const customer = order.customer;
  if (!customer) throw new AppError("CONFLICT", "This order has no customer");
  const login = customer.login;
  let activationCode: string | null = null;
  const isPending = login && !login.passwordHash && login.activationCodeHash && login.activationExpiresAt;
  if (isPending && login.activationExpiresAt! > now) {
    const code = deriveActivationCode(await getActivationKey(db), login.id, login.activationExpiresAt!);
    // The key may have changed since the code was issued; never hand out a code that will not work.
    if (await verifyPassword(login.activationCodeHash!, code)) activationCode = code;
  }
  return {
    customerId: customer.id,
    accountNumber: customer.accountNumber,
    orderId: order.id,
    kind: order.kind,
    msisdn: order.msisdn,
    serviceId: order.line?.id ?? null,
    installationAddress: order.kind === "HOME_INTERNET" ? (order.line?.address ?? null) : null,
    loginPhone: login?.phone ?? null,
    customerName: `${customer.firstName} ${customer.lastName}`,
    activationCode,
    activationExpiresAt: activationCode ? login!.activationExpiresAt : null,
    tariff: {
      id: order.tariff.id,
      code: order.tariff.code,
      name: order.tariff.name,
      nameEn: order.tariff.nameEn,
      monthlyFeeCents: order.tariff.monthlyFeeCents,
    },
    depositCents: order.depositCents,
    creditLimitCents: order.creditLimitCents,
    currency: order.tariff.currency,
    contractUrl: `/partner/orders/${order.id}/contract`,
  };
}

/** A replay must be the same registration: the same key for another number or service is a client bug. */
async function replayOf(db: Database, dealer: Dealer, input: RegisterSubscriberInput, now: Date) {
  const order = await db.order.findUnique({
    where: { partnerId_idempotencyKey: { partnerId: dealer.partnerId, idempotencyKey: input.idempotencyKey } },
    select: { id: true, kind: true, msisdn: true, customer: { select: { documentNumber: true } } },
  });
  if (!order) return null;
  const isSameService = order.kind === input.kind && (input.kind !== "MOBILE" || order.msisdn === input.msisdn);
  if (!isSameService || order.customer?.documentNumber !== input.customer.documentNumber) {
    throw new AppError("CONFLICT", "This idempotency key was used for another registration");
  }
  return resultOf(db, order.id, now);
}

/** Home internet signs in with the contact phone: it must not be anyone's login already. */
async function assertContactPhoneFree(db: Database, phone: string): Promise<void> {
  if (await db.user.findUnique({ where: { phone }, select: { id: true } })) {
    throw new AppError("CONFLICT", M.contactPhoneTaken, { contactPhone: M.contactPhoneTaken });
  }
}

/** The service identifier of a home-internet line, in the seed's `lin_<customer>_<seq>` form. */
export function homeLineId(accountNumber: string): string {
  return `lin_${accountNumber}_1`;
}

/**
 * Registers a subscriber for a dealer: the credit check (counted in the dealer's credit-check
 * allowance, replays excepted), then in one transaction the customer,
 * the line (on the pool number, or home internet at the installation address), the subscriber's
 * login (the new number or, for home internet, the contact phone; no password yet, an activation code),
 * the order, the PARTNER-channel interaction and the audit entry. The same idempotency key
 * answers the same registration; two registrations racing for one number: one wins, the other
 * gets CONFLICT.
 */
export async function registerSubscriber(
  db: Database,
  dealer: Dealer,
  input: RegisterSubscriberInput,
  now = new Date(),
): Promise<RegistrationResult> {
  const replay = await replayOf(db, dealer, input, now);
  if (replay) return replay;
  // A refusal here tells as much about a passport as partner.creditCheck: the same allowance.
  await consumeOrThrow(db, "creditCheck", dealer.partnerId);

  const tariff = await getSellableTariffOrThrow(db, input.tariffId, input.kind);
  const credit = await checkCredit(db, {
    documentNumber: input.customer.documentNumber,
    birthDate: input.customer.birthDate,
    tariffId: tariff.id,
    now,
  });
  if (!credit.approved) {
    const reason = credit.reasons[0] ?? "Refused by the credit policy";
    throw new AppError("BAD_REQUEST", reason, { "customer.documentNumber": reason });
  }

  // Slow work before the transaction, so the number's row lock is held for milliseconds.
  const userId = `usr_${randomBytes(12).toString("base64url")}`;
  const activationExpiresAt = activationExpiry(now);
  const activationCode = deriveActivationCode(await getActivationKey(db), userId, activationExpiresAt);
  const activationCodeHash = await hashPassword(activationCode);
  const accountNumber = await newAccountNumber(db);
  const partner = await db.partner.findUniqueOrThrow({ where: { id: dealer.partnerId }, select: { code: true } });
  const { customer } = input;
  const name = `${customer.firstName} ${customer.lastName}`;
  const billingDay = Math.min(Number(operatorToday(now).slice(8, 10)), 28);
  const isMobile = input.kind === "MOBILE";
  const msisdn = isMobile ? input.msisdn : null;
  const loginPhone = isMobile ? input.msisdn : input.contactPhone;
  if (!isMobile) await assertContactPhoneFree(db, loginPhone);
  const line = isMobile
    ? { kind: "MOBILE" as const, msisdn: input.msisdn, address: null }
    : {
        id: homeLineId(accountNumber),
        kind: "HOME_INTERNET" as const,
        msisdn: null,
        address: input.installationAddress ?? customer.address,
      };

  try {
    const orderId = await db.$transaction(async (tx: Transaction) => {
      if (msisdn) await assignNumber(tx, { partnerId: dealer.partnerId, msisdn, now });
      const created = await tx.customer.create({
        data: {
          accountNumber,
          firstName: customer.firstName,
          lastName: customer.lastName,
          middleName: customer.middleName ?? null,
          birthDate: new Date(`${customer.birthDate}T00:00:00Z`),
          documentNumber: customer.documentNumber,
          address: customer.address,
          email: customer.email ?? null,
          phone: isMobile ? (customer.phone ?? loginPhone) : loginPhone,
          billingDay,
          partnerId: dealer.partnerId,
          createdAt: now,
        },
      });
      const createdLine = await tx.line.create({
        data: {
          ...line,
          // Where the service will live until the network reports the cells it is seen on.
          ...serviceAreaColumns(assignServiceArea(line.kind, line.msisdn ?? line.address ?? accountNumber)),
          customerId: created.id,
          tariffId: tariff.id,
          activatedAt: now,
          tariffSince: now,
          createdAt: now,
        },
      });
      await tx.user.create({
        data: {
          id: userId,
          role: "SUBSCRIBER",
          phone: loginPhone,
          passwordHash: null,
          name,
          customerId: created.id,
          activationCodeHash,
          activationExpiresAt,
        },
      });
      const order = await tx.order.create({
        data: {
          partnerId: dealer.partnerId,
          createdById: dealer.userId,
          customerId: created.id,
          tariffId: tariff.id,
          kind: input.kind,
          msisdn,
          lineId: createdLine.id,
          depositCents: credit.depositCents,
          creditLimitCents: credit.creditLimitCents,
          idempotencyKey: input.idempotencyKey,
          createdAt: now,
        },
      });
      await recordInteraction(tx, {
        customerId: created.id,
        channel: "PARTNER",
        type: "SUBSCRIBER_REGISTERED",
        actorId: dealer.userId,
        data: {
          orderId: order.id,
          partnerCode: partner.code,
          kind: input.kind,
          msisdn,
          serviceId: createdLine.id,
          tariffCode: tariff.code,
          depositCents: credit.depositCents,
          creditLimitCents: credit.creditLimitCents,
        },
        at: now,
      });
      await writeAudit(
        tx,
        { id: dealer.userId, role: dealer.role, ip: dealer.ip },
        {
          action: "partner.registerSubscriber",
          entityType: "Customer",
          entityId: created.id,
          after: {
            accountNumber,
            orderId: order.id,
            kind: input.kind,
            msisdn,
            serviceId: createdLine.id,
            tariffCode: tariff.code,
            depositCents: credit.depositCents,
          },
        },
      );
      // The new customer gets a value score from the start (a new line is a scoring event).
      await queueValueRecompute(tx, created.id);
      return order.id;
    });
    return await resultOf(db, orderId, now);
  } catch (error) {
    // A concurrent duplicate of this request won: answer what it created.
    const winner = await replayOf(db, dealer, input, now).catch(() => null);
    if (winner) return winner;
    if (isUniqueViolation(error)) {
      if (!isMobile) await assertContactPhoneFree(db, loginPhone);
      throw new AppError("CONFLICT", "This number or account was just taken; pick another number");
    }
    throw error;
  }
}
