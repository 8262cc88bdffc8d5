import { RowBuffer, type BulkWriter } from "./bulk-insert";
import type { CustomerSummary } from "./history";
import { usageLevels, type CustomerPlan, type LinePlan, type PaymentOutcome } from "./people";
import type { Rng } from "./random";
import type { WrittenRequest } from "./request-lifecycle";
import type { RequestScenario } from "./request-scenarios";
import { NOTIFICATION } from "./tables";
import { TARIFFS, type TariffDef } from "./tariffs";
import { addDays, addMonths, addMs, DAY, HOUR, type SeedClock } from "./time";

// The three subscriber accounts of DESIGN.md "Demo accounts". They take customer indexes 1..3;
// their plans start as generated ones (so faker's sequence for everyone else is unchanged) and
// are then overwritten with the facts each profile must show.

export const DEMO_PHONES = { platinum: "+79001000001", bronze: "+79001000002", silver: "+79001000003" } as const;

function demoLine(
  rng: Rng,
  index: number,
  seq: number,
  tariff: TariffDef,
  msisdn: string | null,
  activatedAt: Date,
  address: string | null = null,
): LinePlan {
  return {
    id: `lin_${String(index).padStart(6, "0")}_${seq}`,
    seq,
    kind: tariff.kind,
    msisdn,
    address,
    tariff,
    change: null,
    activatedAt,
    ...usageLevels(rng, tariff),
    trend: 1,
  };
}

type DemoOverride = (plan: CustomerPlan, rng: Rng, clock: SeedClock) => void;

const platinum: DemoOverride = (plan, rng, clock) => {
  const createdAt = addMs(addDays(addMonths(clock.monthStart, -109), 17), 11 * HOUR);
  const address = "123317, г. Москва, Пресненская наб., д. 8, стр. 1, кв. 214";
  Object.assign(plan, {
    firstName: "Андрей",
    lastName: "Соколов",
    middleName: "Викторович",
    birthDate: new Date(Date.UTC(1978, 3, 12)),
    documentNumber: "4503 418275",
    address,
    email: "andrey.sokolov@example.ru",
    locale: "ru",
    createdAt,
    partner: null,
    discipline: "PERFECT",
    trend: 0.35,
    channel: "PWA",
    cards: ["7731"],
    paymentOutcome: (): PaymentOutcome => "AUTOPAY",
    personalManagerId: "usr_agent1",
  } satisfies Partial<CustomerPlan>);
  plan.lines = [
    demoLine(rng, 1, 1, TARIFFS.premium, DEMO_PHONES.platinum, createdAt),
    demoLine(rng, 1, 2, TARIFFS.smartPlus, "+79001000011", addDays(addMonths(clock.monthStart, -70), 11)),
    demoLine(rng, 1, 3, TARIFFS.unlimited, "+79001000021", addMonths(clock.monthStart, -47)),
    demoLine(rng, 1, 4, TARIFFS.homeGiga, null, addDays(addMonths(clock.monthStart, -30), 6), address),
  ];
  for (const line of plan.lines) line.overageChance = line.tariff === TARIFFS.smartPlus ? 0.1 : 0;
};

const bronze: DemoOverride = (plan, rng, clock) => {
  const createdAt = addMs(addDays(addMonths(clock.monthStart, -4), 9), 15 * HOUR);
  Object.assign(plan, {
    firstName: "Никита",
    lastName: "Смирнов",
    middleName: "Андреевич",
    birthDate: new Date(Date.UTC(2001, 8, 3)),
    documentNumber: "4521 736104",
    address: "109428, г. Москва, Рязанский пр-т, д. 30, кв. 57",
    email: "nikita.smirnov01@example.com",
    locale: "ru",
    createdAt,
    partner: null,
    discipline: "SLOPPY",
    trend: 0,
    channel: "WEB",
    cards: ["0954"],
    // The two oldest bills were paid after their due date; the last two are unpaid, so one is
    // always OVERDUE and the latest is OVERDUE from the 15th of the month.
    paymentOutcome: (monthsAgo: number): PaymentOutcome => (monthsAgo >= 3 ? "LATE" : "UNPAID"),
  } satisfies Partial<CustomerPlan>);
  plan.lines = [demoLine(rng, 2, 1, TARIFFS.start, DEMO_PHONES.bronze, createdAt)];
};

const silver: DemoOverride = (plan, rng, clock) => {
  const createdAt = addMs(addDays(addMonths(clock.monthStart, -35), 12), 13 * HOUR);
  Object.assign(plan, {
    firstName: "Елена",
    lastName: "Морозова",
    middleName: "Сергеевна",
    birthDate: new Date(Date.UTC(1986, 10, 21)),
    documentNumber: "4009 582913",
    address: "191025, г. Санкт-Петербург, ул. Марата, д. 14, кв. 9",
    email: "elena.morozova@example.ru",
    locale: "ru",
    createdAt,
    partner: null,
    discipline: "GOOD",
    trend: -0.45,
    channel: "WEB",
    cards: ["3318"],
    // On time, except the bills of five and nine months ago, paid a few days late.
    paymentOutcome: (monthsAgo: number): PaymentOutcome => (monthsAgo === 5 || monthsAgo === 9 ? "LATE" : "ON_TIME"),
  } satisfies Partial<CustomerPlan>);
  plan.lines = [
    demoLine(rng, 3, 1, TARIFFS.smart, DEMO_PHONES.silver, createdAt),
    demoLine(rng, 3, 2, TARIFFS.start, "+79001000013", addDays(addMonths(clock.monthStart, -14), 3)),
  ];
  // Stays within the allowances: the bills are the tariffs' fees, a mid-range spend.
  for (const line of plan.lines) line.overageChance = 0;
};

const OVERRIDES: Record<number, DemoOverride> = { 1: platinum, 2: bronze, 3: silver };

export function isDemoIndex(index: number): boolean {
  return index in OVERRIDES;
}

export function applyDemoProfile(plan: CustomerPlan, rng: Rng, clock: SeedClock): void {
  OVERRIDES[plan.index]?.(plan, rng, clock);
}

/** A couple of older, resolved requests for the PLATINUM and SILVER profiles; none in the last ten days. */
export function demoRequestScenarios(customers: readonly CustomerSummary[], clock: SeedClock): RequestScenario[] {
  const byIndex = (index: number) => customers.find((customer) => customer.index === index);
  const platinumCustomer = byIndex(1);
  const silverCustomer = byIndex(3);
  const scenarios: RequestScenario[] = [];
  if (platinumCustomer) {
    scenarios.push(
      {
        customer: platinumCustomer,
        category: "ROAMING",
        channel: "PWA",
        createdAt: addMs(clock.asOf, -75 * DAY + 10 * HOUR),
        csat: 5,
      },
      {
        customer: platinumCustomer,
        category: "BILLING_QUESTION",
        channel: "WEB",
        createdAt: addMs(clock.asOf, -160 * DAY + 14 * HOUR),
        csat: 5,
      },
    );
  }
  if (silverCustomer) {
    scenarios.push(
      {
        customer: silverCustomer,
        category: "TECHNICAL_FAULT",
        channel: "WEB",
        createdAt: addMs(clock.asOf, -40 * DAY + 9 * HOUR),
        csat: 4,
      },
      {
        customer: silverCustomer,
        category: "BILLING_QUESTION",
        channel: "WEB",
        createdAt: addMs(clock.asOf, -120 * DAY + 19 * HOUR),
        selfServiceOutcome: "DEFLECT",
      },
    );
  }
  return scenarios;
}

/** Push/in-app notifications the demo subscribers find when they sign in. */
export function writeDemoNotifications(
  customers: readonly CustomerSummary[],
  resolvedRequests: Map<string, WrittenRequest[]>,
  clock: SeedClock,
  writer: BulkWriter,
): void {
  const rows = new RowBuffer(NOTIFICATION);
  const money = (cents: number) =>
    `${(cents / 100).toLocaleString("ru-RU", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ₽`;
  const notify = (
    customer: CustomerSummary,
    key: string,
    kind: string,
    title: string,
    body: string,
    url: string,
    at: Date,
    isRead: boolean,
  ) => {
    if (at.getTime() >= clock.asOf.getTime()) return;
    rows.add({
      id: `ntf_${customer.id.slice(4)}_${key}`,
      userId: customer.userId,
      kind,
      title,
      body,
      url,
      readAt: isRead ? addMs(at, 3 * HOUR) : null,
      sentAt: at,
      createdAt: at,
    });
  };
  for (const customer of customers) {
    if (!isDemoIndex(customer.index)) continue;
    const bills = [...customer.bills].sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime());
    const latest = bills[bills.length - 1];
    if (!latest) continue;
    const month = latest.periodStart.toLocaleString("ru-RU", { month: "long", timeZone: "UTC" });
    notify(
      customer,
      "bill_latest",
      "BILL_ISSUED",
      "Новый счёт",
      `Счёт за ${month} на ${money(latest.totalCents)}. Оплатить до ${latest.dueAt.toISOString().slice(0, 10).split("-").reverse().join(".")}.`,
      `/bills/${latest.id}`,
      latest.issuedAt,
      customer.index === 1,
    );
    for (const bill of bills) {
      const paid = bill.payments.filter((payment) => payment.status === "SUCCEEDED").at(-1);
      if (paid && bill === bills[bills.length - 2]) {
        notify(
          customer,
          "paid_prev",
          "PAYMENT_SUCCEEDED",
          "Платёж получен",
          `Спасибо! Платёж ${money(paid.amountCents)} по счёту ${bill.number} зачислен.`,
          `/bills/${bill.id}`,
          addMs(paid.at, 60_000),
          true,
        );
      }
      if (bill.status === "OVERDUE") {
        notify(
          customer,
          `overdue_${bill.id.slice(-4)}`,
          "BILL_OVERDUE",
          "Счёт просрочен",
          `Счёт ${bill.number} не оплачен. Оплатите ${money(bill.totalCents - bill.paidCents)}, чтобы избежать приостановки обслуживания.`,
          `/bills/${bill.id}`,
          addMs(bill.dueAt, 10 * HOUR),
          false,
        );
      }
    }
    for (const request of resolvedRequests.get(customer.id) ?? []) {
      if (!request.resolvedAt) continue;
      // As the console words it (notification-texts.ts).
      notify(
        customer,
        `req_${request.id.slice(4)}`,
        "REQUEST_STATUS",
        `Заявка №${request.number} решена`,
        `Решение: ${request.resolutionNote ?? ""}`,
        `/requests/${request.id}`,
        addMs(request.resolvedAt, 60_000),
        true,
      );
    }
    if (customer.index === 2) {
      notify(
        customer,
        "welcome",
        "WELCOME",
        "Добро пожаловать в Selfcare",
        "Здесь можно оплачивать счета, менять тариф и задавать вопросы круглосуточно.",
        "/",
        addMs(customer.createdAt, HOUR),
        true,
      );
    }
  }
  writer.write(rows);
}
