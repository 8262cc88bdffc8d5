import "server-only";
import type { ServiceKind, Tariff } from "@prisma/client";
import type { Database, Transaction } from "../../db/client";
import { log } from "../../log";
import { badRequest } from "../errors";
import { consumeOrThrow } from "../abuse/abuse-limits.service";
import { decideCredit, type CreditDecision, type DocumentHistory } from "./credit-decision";
import {
  CREDIT_POLICY_SETTING,
  creditPolicySchema,
  DEFAULT_CREDIT_POLICY,
  type CreditPolicy,
} from "./credit-policy.schema";
import { ageOn, operatorToday, REGISTRATION_MESSAGES as M } from "./registration-rules";

type Db = Database | Transaction;

/** The credit policy in force: the "creditPolicy" setting, or the defaults when none is saved. */
export async function getCreditPolicy(db: Db): Promise<CreditPolicy> {
  const row = await db.setting.findUnique({ where: { key: CREDIT_POLICY_SETTING } });
  if (!row) return DEFAULT_CREDIT_POLICY;
  const parsed = creditPolicySchema.safeParse(row.value);
  if (parsed.success) return parsed.data;
  // A broken setting must not open the door: the defaults are the conservative choice.
  log.warn({ issue: parsed.error.issues[0]?.message }, "the saved creditPolicy is invalid; using the defaults");
  return DEFAULT_CREDIT_POLICY;
}

/** Tariffs a dealer may sell to someone new: active, on sale and open to a new (BRONZE) customer; mobile or home internet. */
export function isSoldToNewCustomers(
  tariff: Pick<Tariff, "status" | "soldToNewCustomers" | "openToSegments">,
): boolean {
  return (
    tariff.status === "ACTIVE" &&
    tariff.soldToNewCustomers &&
    (tariff.openToSegments.length === 0 || tariff.openToSegments.includes("BRONZE"))
  );
}

/** A tariff the dealer may sell; with `kind`, it must also be of that service kind. */
export async function getSellableTariffOrThrow(db: Db, tariffId: string, kind?: ServiceKind): Promise<Tariff> {
  const tariff = await db.tariff.findUnique({ where: { id: tariffId } });
  if (!tariff) throw badRequest("tariffId", M.tariffUnknown);
  if (kind && tariff.kind !== kind)
    throw badRequest("tariffId", kind === "MOBILE" ? M.tariffNotMobile : M.tariffNotHome);
  if (!isSoldToNewCustomers(tariff)) throw badRequest("tariffId", M.tariffNotSold);
  return tariff;
}

export async function listSellableTariffs(db: Database) {
  const tariffs = await db.tariff.findMany({
    where: { status: "ACTIVE", soldToNewCustomers: true },
    orderBy: [{ kind: "asc" }, { monthlyFeeCents: "asc" }],
  });
  return tariffs.filter(isSoldToNewCustomers).map((tariff) => ({
    id: tariff.id,
    kind: tariff.kind,
    code: tariff.code,
    name: tariff.name,
    nameEn: tariff.nameEn,
    description: tariff.description,
    descriptionEn: tariff.descriptionEn,
    monthlyFeeCents: tariff.monthlyFeeCents,
    currency: tariff.currency,
    minutes: tariff.minutes,
    sms: tariff.sms,
    dataMb: tariff.dataMb,
    minTermMonths: tariff.minTermMonths,
  }));
}

/** Earlier accounts opened with this passport. */
export async function getDocumentHistory(db: Db, documentNumber: string, birthDate: string): Promise<DocumentHistory> {
  const customers = await db.customer.findMany({
    where: { documentNumber },
    select: {
      status: true,
      balanceCents: true,
      birthDate: true,
      _count: { select: { bills: { where: { status: "OVERDUE" } } } },
    },
  });
  return {
    debtCents: customers.reduce((sum, customer) => sum + Math.max(customer.balanceCents, 0), 0),
    overdueBills: customers.reduce((sum, customer) => sum + customer._count.bills, 0),
    openAccounts: customers.filter((customer) => customer.status !== "CLOSED").length,
    isHolderMismatch: customers.some(
      (customer) => customer.birthDate !== null && customer.birthDate.toISOString().slice(0, 10) !== birthDate,
    ),
  };
}

export type CreditCheckResult = Omit<CreditDecision, "rule"> & {
  currency: string;
  monthlyFeeCents: number;
  age: number;
  rule: CreditDecision["rule"];
};

/** The credit check shown to the dealer before submitting, and repeated inside the registration. */
export async function checkCredit(
  db: Db,
  input: { documentNumber: string; birthDate: string; tariffId: string; now?: Date },
): Promise<CreditCheckResult> {
  const tariff = await getSellableTariffOrThrow(db, input.tariffId);
  // One at a time: inside a transaction the client runs one query at once anyway.
  const policy = await getCreditPolicy(db);
  const history = await getDocumentHistory(db, input.documentNumber, input.birthDate);
  const age = ageOn(input.birthDate, operatorToday(input.now));
  const decision = decideCredit({ age, monthlyFeeCents: tariff.monthlyFeeCents, history, policy });
  return { ...decision, currency: tariff.currency, monthlyFeeCents: tariff.monthlyFeeCents, age };
}

/** The dealer's own credit check before submitting: limited per dealer, since it reveals debt facts about a passport. */
export async function checkCreditForDealer(
  db: Database,
  dealer: { partnerId: string },
  input: { documentNumber: string; birthDate: string; tariffId: string },
): Promise<CreditCheckResult> {
  await consumeOrThrow(db, "creditCheck", dealer.partnerId);
  return checkCredit(db, input);
}
