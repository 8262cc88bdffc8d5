import type { Faker } from "@faker-js/faker";
import type { Rng } from "./random";
import { PARTNERS, AGENT_IDS } from "./staff";
import { TARIFFS, type ServiceKind, type TariffDef } from "./tariffs";
import { addDays, addMonths, DAY, maxDate, startOfMonth, type SeedClock } from "./time";

export type Discipline = "PERFECT" | "GOOD" | "SLOPPY" | "DEBTOR";
export type PaymentOutcome = "ON_TIME" | "AUTOPAY" | "LATE" | "PARTIAL_THEN_LATE" | "PARTIAL_ONLY" | "UNPAID";
export type WebChannel = "WEB" | "PWA";

export type TariffChangePlan = {
  id: string;
  from: TariffDef;
  effective: "IMMEDIATE" | "NEXT_CYCLE";
  status: "APPLIED" | "PENDING";
  requestedAt: Date;
  effectiveAt: Date;
  /** An agent acting on behalf of the customer (a phone call); null when the customer did it. */
  agentId: string | null;
  channel: "WEB" | "PWA" | "PHONE";
};

export type LinePlan = {
  id: string;
  seq: number;
  kind: ServiceKind;
  msisdn: string | null;
  address: string | null;
  /** The tariff today; `change.from` before an applied change. */
  tariff: TariffDef;
  change: TariffChangePlan | null;
  activatedAt: Date;
  minutesPerDay: number;
  smsPerDay: number;
  dataMbPerDay: number;
  /** Per-line multiplier on the customer's usage trend. */
  trend: number;
  /** Chance of an overage charge in a month. */
  overageChance: number;
};

export type CustomerPlan = {
  index: number;
  id: string;
  userId: string;
  accountNumber: string;
  firstName: string;
  lastName: string;
  middleName: string;
  birthDate: Date;
  documentNumber: string;
  address: string;
  email: string;
  locale: string;
  createdAt: Date;
  partner: { id: string; code: string; dealerId: string } | null;
  lines: LinePlan[];
  discipline: Discipline;
  /** Relative change of usage over the last 120 days, e.g. 0.4 = growing by 40 %. */
  trend: number;
  channel: WebChannel;
  cards: string[];
  /** Set for the demo profiles: payment behaviour per bill, by months before the current one (1 = latest). */
  paymentOutcome?: (monthsAgo: number) => PaymentOutcome;
  personalManagerId?: string;
};

export function padIndex(index: number): string {
  return String(index).padStart(6, "0");
}

/** A unique 10-digit account number: an injective scramble of the index (999 999 937 is prime). */
export function accountNumberFor(index: number): string {
  return String(4_000_000_000 + ((index * 2_654_435_761) % 999_999_937));
}

// Mobile numbers are +79 and nine digits from an injective scramble of (customer, line) into
// [010 000 000, 909 999 999]: they never start with 99 (the +7999 number pool) and never fall
// below 010 000 000 (the +790010000xx demo numbers).
const MSISDN_PRIME = 899_999_963;
export function msisdnFor(customerIndex: number, lineSeq: number): string {
  const slot = customerIndex * 4 + lineSeq - 1;
  const scrambled = (slot * 387_420_489 + 12_345_678) % MSISDN_PRIME;
  return `+79${String(10_000_000 + scrambled).padStart(9, "0")}`;
}

/** `+79161234567` as printed on a bill: `+7 916 123-45-67`. */
export function formatMsisdn(msisdn: string): string {
  return `${msisdn.slice(0, 2)} ${msisdn.slice(2, 5)} ${msisdn.slice(5, 8)}-${msisdn.slice(8, 10)}-${msisdn.slice(10, 12)}`;
}

// OKATO region codes that open Russian passport series, weighted towards the big cities.
const PASSPORT_REGIONS: [string, number][] = [
  ["45", 30],
  ["46", 12],
  ["40", 14],
  ["41", 4],
  ["60", 4],
  ["52", 4],
  ["65", 4],
  ["92", 4],
  ["03", 4],
  ["36", 3],
  ["22", 3],
  ["50", 3],
  ["57", 3],
  ["80", 3],
  ["25", 2],
];

const EMAIL_DOMAINS = ["example.ru", "example.com", "example.net", "example.org"];

function planIdentity(faker: Faker, rng: Rng, createdAt: Date, clock: SeedClock) {
  const sex = rng.chance(0.5) ? "male" : "female";
  const firstName = faker.person.firstName(sex);
  const lastName = faker.person.lastName(sex);
  const middleName = faker.person.middleName(sex);
  const fakerCity = faker.location.city();
  const street = faker.location.street();
  const fakerZip = faker.location.zipCode("######");
  const email = faker.internet.email({ firstName, lastName, provider: rng.pick(EMAIL_DOMAINS) }).toLowerCase();

  const cityRoll = rng.next();
  const city = cityRoll < 0.35 ? "Москва" : cityRoll < 0.5 ? "Санкт-Петербург" : fakerCity;
  const zip =
    city === "Москва"
      ? `1${rng.int(10, 29)}${rng.digits(3)}`
      : city === "Санкт-Петербург"
        ? `19${rng.int(1, 9)}${rng.digits(3)}`
        : fakerZip;
  const address = `${zip}, г. ${city}, ${street}, д. ${rng.int(1, 160)}, кв. ${rng.int(1, 420)}`;

  // Old enough to have signed the contract: 18 at createdAt, at most 80 today.
  const tenureYears = (clock.monthStart.getTime() - createdAt.getTime()) / (365.25 * DAY);
  const minAge = 18 + Math.ceil(tenureYears);
  const age = Math.min(80, minAge + Math.floor(Math.pow(rng.next(), 1.6) * (80 - minAge)));
  const birthDate = new Date(Date.UTC(clock.monthStart.getUTCFullYear() - age - 1, rng.int(0, 11), rng.int(1, 28)));
  const issueYear = (birthDate.getUTCFullYear() + (age >= 45 ? 45 : 20)) % 100;
  const documentNumber = `${rng.weighted(PASSPORT_REGIONS)}${String(issueYear).padStart(2, "0")} ${rng.digits(6)}`;
  return { firstName, lastName, middleName, birthDate, documentNumber, address, email };
}

function pickFirstTariff(rng: Rng, spend: number, createdAt: Date, clock: SeedClock): TariffDef {
  const classicEra = createdAt.getTime() < addMonths(clock.monthStart, -66).getTime();
  if (classicEra && rng.chance(0.3)) return TARIFFS.classic;
  return rng.weighted<TariffDef>([
    [TARIFFS.start, 3.5 * (1 - spend)],
    [TARIFFS.smart, 2.2],
    [TARIFFS.smartPlus, 0.6 + 1.6 * spend],
    [TARIFFS.unlimited, 1.6 * spend * spend],
    [TARIFFS.premium, spend > 0.85 ? (spend - 0.85) * 12 : 0],
  ]);
}

function pickExtraMobileTariff(rng: Rng, spend: number): TariffDef {
  return rng.weighted<TariffDef>([
    [TARIFFS.family, 5],
    [TARIFFS.start, 3],
    [TARIFFS.smart, 1.5],
    [TARIFFS.smartPlus, 0.5 + spend],
    [TARIFFS.unlimited, spend > 0.7 ? 1 : 0],
  ]);
}

function pickHomeTariff(rng: Rng, spend: number): TariffDef {
  return rng.weighted<TariffDef>([
    [TARIFFS.home100, 5],
    [TARIFFS.home500, 4],
    [TARIFFS.homeGiga, 0.5 + 2 * spend],
  ]);
}

/** Daily usage levels around the tariff's allowance; unlimited tariffs get a generous notional one. */
export function usageLevels(rng: Rng, tariff: TariffDef) {
  if (tariff.kind === "HOME_INTERNET") {
    const perDay =
      tariff === TARIFFS.homeGiga
        ? rng.int(6_000, 16_000)
        : tariff === TARIFFS.home500
          ? rng.int(4_000, 11_000)
          : rng.int(1_500, 7_000);
    return { minutesPerDay: 0, smsPerDay: 0, dataMbPerDay: perDay, overageChance: 0 };
  }
  const ratio = rng.float(0.25, 1.2);
  const dataRatio = rng.float(0.2, 1.25);
  const minutes = ((tariff.minutes ?? 1_400) * ratio) / 30;
  const sms = ((tariff.sms ?? 150) * rng.float(0.03, 0.4)) / 30;
  const dataMb = ((tariff.dataMb ?? 45 * 1024) * dataRatio) / 30;
  const finite = tariff.minutes !== null || tariff.dataMb !== null;
  const heaviest = Math.max(tariff.minutes === null ? 0 : ratio, tariff.dataMb === null ? 0 : dataRatio);
  const overageChance = !finite ? 0 : heaviest > 1.05 ? 0.55 : heaviest > 0.9 ? 0.2 : 0.03;
  return { minutesPerDay: minutes, smsPerDay: sms, dataMbPerDay: dataMb, overageChance };
}

function planTariffChange(rng: Rng, line: LinePlan, customerIndex: number, clock: SeedClock, monthsOld: number): void {
  if (line.kind !== "MOBILE" || line.tariff === TARIFFS.classic || monthsOld < 14) return;
  const roll = rng.next();
  const daysBack = rng.int(8, 350);
  const viaAgent = rng.chance(0.2);
  const isImmediate = rng.chance(0.5);
  if (roll < 0.04) {
    if (monthsOld >= 24) line.tariff = TARIFFS.loyal;
  } else if (roll >= 0.13) {
    return;
  }
  const candidates = [TARIFFS.start, TARIFFS.smart, TARIFFS.smartPlus, TARIFFS.family].filter((t) => t !== line.tariff);
  const from = rng.pick(candidates);
  const requestedAt = addDays(clock.monthStart, -daysBack + rng.float(0, 0.9));
  const effectiveAt = isImmediate ? requestedAt : startOfMonth(addMonths(requestedAt, 1));
  line.change = {
    id: `tch_${padIndex(customerIndex)}_${line.seq}`,
    from,
    effective: isImmediate ? "IMMEDIATE" : "NEXT_CYCLE",
    status: "APPLIED",
    requestedAt,
    effectiveAt,
    agentId: viaAgent ? rng.pick(AGENT_IDS) : null,
    channel: viaAgent ? "PHONE" : rng.chance(0.5) ? "WEB" : "PWA",
  };
}

/** Everything about one generated customer that the history is built from. */
export function planCustomer(index: number, faker: Faker, rng: Rng, clock: SeedClock): CustomerPlan {
  const tenureDays = 25 + Math.floor(Math.pow(rng.next(), 1.9) * (3650 - 25));
  const createdAt = addDays(clock.monthStart, -tenureDays + rng.float(0.3, 0.8));
  const identity = planIdentity(faker, rng, createdAt, clock);
  const monthsOld = tenureDays / 30.4;
  const spend = Math.min(1, Math.pow(rng.next(), 2) + (monthsOld > 60 ? 0.1 : 0));

  const eligiblePartners = PARTNERS.filter((p) => monthsOld < p.monthsAgo);
  const viaPartner = eligiblePartners.length > 0 && rng.chance(0.32);
  const partner = viaPartner ? rng.pick(eligiblePartners) : null;

  const pad = padIndex(index);
  const lineCount = rng.weighted([
    [1, 59],
    [2, 29],
    [3, 9],
    [4, 3],
  ] as const);
  const homeSeq = lineCount > 1 && rng.chance(0.45) ? rng.int(2, lineCount) : 0;
  const lines: LinePlan[] = [];
  for (let seq = 1; seq <= lineCount; seq++) {
    const kind: ServiceKind = seq === homeSeq ? "HOME_INTERNET" : "MOBILE";
    const tariff =
      seq === 1
        ? pickFirstTariff(rng, spend, createdAt, clock)
        : kind === "HOME_INTERNET"
          ? pickHomeTariff(rng, spend)
          : pickExtraMobileTariff(rng, spend);
    const activatedAt =
      seq === 1
        ? createdAt
        : addDays(createdAt, rng.next() * Math.max(0, tenureDays - 20) * 0.85 + rng.float(0.01, 0.9));
    const line: LinePlan = {
      id: `lin_${pad}_${seq}`,
      seq,
      kind,
      msisdn: kind === "MOBILE" ? msisdnFor(index, seq) : null,
      address: kind === "HOME_INTERNET" ? identity.address : null,
      tariff,
      change: null,
      activatedAt,
      ...usageLevels(rng, tariff),
      trend: rng.float(0.6, 1.4),
    };
    planTariffChange(rng, line, index, clock, (clock.monthStart.getTime() - activatedAt.getTime()) / (30.4 * DAY));
    lines.push(line);
  }

  const discipline = rng.weighted<Discipline>([
    ["PERFECT", 22 + 8 * spend],
    ["GOOD", 30],
    ["SLOPPY", 32],
    ["DEBTOR", monthsOld < 3 ? 5 : 12],
  ]);
  const trend = rng.chance(0.45) ? rng.float(0.05, 0.8) : rng.float(-0.5, 0.05);
  const cards = [rng.digits(4), rng.digits(4)].slice(0, rng.chance(0.3) ? 2 : 1);

  return {
    index,
    id: `cus_${pad}`,
    userId: `usr_${pad}`,
    accountNumber: accountNumberFor(index),
    ...identity,
    locale: rng.chance(0.03) ? "en" : "ru",
    createdAt,
    partner: partner ? { id: partner.id, code: partner.code, dealerId: partner.dealerId } : null,
    lines,
    discipline,
    trend,
    channel: rng.chance(0.55) ? "WEB" : "PWA",
    cards,
  };
}

/** The line's tariff on a given day, before or after its change. */
export function tariffOn(line: LinePlan, at: Date): TariffDef {
  if (line.change && line.change.status === "APPLIED" && at.getTime() < line.change.effectiveAt.getTime())
    return line.change.from;
  return line.tariff;
}

export function tariffSince(line: LinePlan, clock: SeedClock): Date {
  if (line.change?.status === "APPLIED") return line.change.effectiveAt;
  return maxDate(line.activatedAt, addMonths(clock.monthStart, -line.tariff.launchedMonthsAgo));
}
