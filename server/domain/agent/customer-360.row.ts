import type {
  AdjustmentStatus,
  BillLineKind,
  BillStatus,
  Channel,
  CustomerStatus,
  LineStatus,
  PaymentStatus,
  Prisma,
  RequestCategory,
  RequestStatus,
  Role,
  RoutingDecision,
  Segment,
  ServiceKind,
  TariffChangeEffective,
  TariffChangeStatus,
} from "@prisma/client";

// The JSON the customer 360 statement returns (customer-360.query.ts): timestamps are strings
// (UTC without a zone), sums are numbers.

type Timestamp = string;
type TariffBrief = { id: string; code: string; name: string; nameEn: string; monthlyFeeCents: number };

export type Customer360Row = {
  customer: {
    id: string;
    accountNumber: string;
    firstName: string;
    lastName: string;
    middleName: string | null;
    birthDate: string | null;
    documentNumber: string | null;
    address: string | null;
    email: string | null;
    phone: string | null;
    locale: string;
    status: CustomerStatus;
    balanceCents: number;
    currency: string;
    billingDay: number;
    createdAt: Timestamp;
    segment: Segment;
    valueScore: number;
    valueBreakdown: Prisma.JsonValue;
    valueComputedAt: Timestamp | null;
    cycleStart: string;
    partner: { id: string; name: string; code: string } | null;
    personalManager: { id: string; name: string; email: string | null } | null;
    login: {
      id: string;
      phone: string | null;
      email: string | null;
      locale: string;
      isActivated: boolean;
      isLocked: boolean;
    } | null;
  };
  lines: {
    id: string;
    kind: ServiceKind;
    msisdn: string | null;
    address: string | null;
    status: LineStatus;
    activatedAt: Timestamp;
    tariffSince: Timestamp;
    tariff: TariffBrief & { minTermMonths: number; minutes: number | null; sms: number | null; dataMb: number | null };
    used: { minutes: number; sms: number; dataMb: number };
    pendingChange: { id: string; effectiveAt: Timestamp; toTariff: TariffBrief } | null;
  }[];
  bills: {
    id: string;
    number: string;
    periodStart: string;
    periodEnd: string;
    issuedAt: Timestamp;
    dueAt: Timestamp;
    subtotalCents: number;
    taxCents: number;
    totalCents: number;
    paidCents: number;
    currency: string;
    status: BillStatus;
    paidAt: Timestamp | null;
    lines: { id: string; kind: BillLineKind; description: string; quantity: number | null; amountCents: number }[];
  }[];
  adjustments: {
    id: string;
    billId: string;
    billNumber: string;
    amountCents: number;
    reason: string;
    status: AdjustmentStatus;
    createdAt: Timestamp;
    decidedAt: Timestamp | null;
    requestedBy: { id: string; name: string };
  }[];
  payments: {
    id: string;
    billId: string;
    billNumber: string;
    amountCents: number;
    currency: string;
    status: PaymentStatus;
    channel: Channel;
    cardLast4: string | null;
    failureReason: string | null;
    createdAt: Timestamp;
  }[];
  requests: {
    id: string;
    number: number;
    category: RequestCategory;
    subject: string;
    status: RequestStatus;
    channel: Channel;
    priority: number;
    slaDueAt: Timestamp | null;
    decision: RoutingDecision;
    createdAt: Timestamp;
    resolvedAt: Timestamp | null;
    resolutionCode: string | null;
    assignedTo: { id: string; name: string } | null;
  }[];
  tariffChanges: {
    id: string;
    lineId: string;
    effective: TariffChangeEffective;
    effectiveAt: Timestamp;
    status: TariffChangeStatus;
    channel: Channel;
    prorationCreditCents: number;
    prorationChargeCents: number;
    createdAt: Timestamp;
    line: { msisdn: string | null; kind: ServiceKind };
    fromTariff: TariffBrief;
    toTariff: TariffBrief;
    requestedBy: { name: string; role: Role };
  }[];
  interactions: {
    id: string;
    channel: Channel;
    type: string;
    at: Timestamp;
    data: Prisma.JsonValue;
    requestId: string | null;
    requestNumber: number | null;
    actor: { name: string; role: Role } | null;
  }[];
};
