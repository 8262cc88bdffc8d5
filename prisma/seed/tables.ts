import { defineTable } from "./bulk-insert";

// Column lists of the tables the seed fills in bulk; types are the casts of `unnest`.
// `Prisma @updatedAt` columns have no database default, so they are always given.

export const CUSTOMER = defineTable("Customer", {
  id: "text",
  accountNumber: "text",
  firstName: "text",
  lastName: "text",
  middleName: "text",
  birthDate: "date",
  documentNumber: "text",
  address: "text",
  email: "text",
  phone: "text",
  locale: "text",
  status: '"CustomerStatus"',
  balanceCents: "int",
  currency: "text",
  billingDay: "int",
  segment: '"Segment"',
  valueScore: "int",
  personalManagerId: "text",
  partnerId: "text",
  createdAt: "timestamp",
  updatedAt: "timestamp",
});

export const USER = defineTable("User", {
  id: "text",
  role: '"Role"',
  email: "text",
  phone: "text",
  passwordHash: "text",
  name: "text",
  locale: "text",
  customerId: "text",
  partnerId: "text",
  createdAt: "timestamp",
  updatedAt: "timestamp",
});

export const LINE = defineTable("Line", {
  id: "text",
  customerId: "text",
  kind: '"ServiceKind"',
  msisdn: "text",
  address: "text",
  tariffId: "text",
  status: '"LineStatus"',
  activatedAt: "timestamp",
  tariffSince: "timestamp",
  createdAt: "timestamp",
  serviceRegion: "text",
  cells: "text[]",
  accessNode: "text",
  building: "text",
});

export const TARIFF_CHANGE = defineTable("TariffChange", {
  id: "text",
  lineId: "text",
  customerId: "text",
  fromTariffId: "text",
  toTariffId: "text",
  effective: '"TariffChangeEffective"',
  effectiveAt: "timestamp",
  status: '"TariffChangeStatus"',
  prorationCreditCents: "int",
  prorationChargeCents: "int",
  requestedById: "text",
  idempotencyKey: "text",
  channel: '"Channel"',
  createdAt: "timestamp",
  appliedAt: "timestamp",
});

export const ORDER = defineTable("Order", {
  id: "text",
  partnerId: "text",
  createdById: "text",
  customerId: "text",
  tariffId: "text",
  msisdn: "text",
  status: '"OrderStatus"',
  depositCents: "int",
  idempotencyKey: "text",
  createdAt: "timestamp",
});

export const BILL = defineTable("Bill", {
  id: "text",
  number: "text",
  customerId: "text",
  periodStart: "date",
  periodEnd: "date",
  issuedAt: "timestamp",
  dueAt: "timestamp",
  subtotalCents: "int",
  taxCents: "int",
  totalCents: "int",
  paidCents: "int",
  currency: "text",
  status: '"BillStatus"',
  paidAt: "timestamp",
  createdAt: "timestamp",
});

export const BILL_LINE = defineTable("BillLine", {
  id: "text",
  billId: "text",
  lineId: "text",
  kind: '"BillLineKind"',
  description: "text",
  quantity: "int",
  amountCents: "int",
});

export const BILL_ADJUSTMENT = defineTable("BillAdjustment", {
  id: "text",
  billId: "text",
  amountCents: "int",
  reason: "text",
  status: '"AdjustmentStatus"',
  requestedById: "text",
  decidedById: "text",
  decidedAt: "timestamp",
  decisionReason: "text",
  idempotencyKey: "text",
  createdAt: "timestamp",
});

export const PAYMENT = defineTable("Payment", {
  id: "text",
  billId: "text",
  customerId: "text",
  amountCents: "int",
  currency: "text",
  status: '"PaymentStatus"',
  provider: "text",
  providerRef: "text",
  cardLast4: "text",
  failureReason: "text",
  actorId: "text",
  idempotencyKey: "text",
  channel: '"Channel"',
  createdAt: "timestamp",
});

export const INTERACTION = defineTable("Interaction", {
  id: "text",
  customerId: "text",
  channel: '"Channel"',
  type: "text",
  actorId: "text",
  requestId: "text",
  data: "jsonb",
  at: "timestamp",
});

export const SERVICE_REQUEST = defineTable("ServiceRequest", {
  id: "text",
  number: "int",
  customerId: "text",
  lineId: "text",
  billId: "text",
  disputedAmountCents: "int",
  category: '"RequestCategory"',
  subject: "text",
  description: "text",
  status: '"RequestStatus"',
  channel: '"Channel"',
  decision: '"RoutingDecision"',
  priority: "int",
  slaDueAt: "timestamp",
  routingReasons: "jsonb",
  routingReasonCodes: "text[]",
  segmentAtCreation: '"Segment"',
  policyVersion: "int",
  assignedToId: "text",
  createdById: "text",
  idempotencyKey: "text",
  escalatedAt: "timestamp",
  firstResponseAt: "timestamp",
  claimedAt: "timestamp",
  resolvedAt: "timestamp",
  closedAt: "timestamp",
  reopenedAt: "timestamp",
  resolutionCode: "text",
  resolutionNote: "text",
  deflected: "bool",
  slaBreached: "bool",
  csat: "int",
  createdAt: "timestamp",
  updatedAt: "timestamp",
});

export const REQUEST_MESSAGE = defineTable("RequestMessage", {
  id: "text",
  requestId: "text",
  authorId: "text",
  authorKind: '"MessageAuthorKind"',
  body: "text",
  internal: "bool",
  createdAt: "timestamp",
});

export const REQUEST_EVENT = defineTable("RequestEvent", {
  id: "text",
  requestId: "text",
  status: '"RequestStatus"',
  actorId: "text",
  note: "text",
  at: "timestamp",
});

export const ARTICLE_VIEW = defineTable("ArticleView", {
  id: "text",
  articleId: "text",
  customerId: "text",
  requestId: "text",
  at: "timestamp",
});

export const ARTICLE_FEEDBACK = defineTable("ArticleFeedback", {
  id: "text",
  articleId: "text",
  userId: "text",
  requestId: "text",
  helpful: "bool",
  createdAt: "timestamp",
});

export const NUMBER_POOL = defineTable("NumberPool", {
  msisdn: "text",
  status: '"NumberStatus"',
  isNice: "bool",
});

export const NOTIFICATION = defineTable("Notification", {
  id: "text",
  userId: "text",
  kind: "text",
  title: "text",
  body: "text",
  url: "text",
  readAt: "timestamp",
  sentAt: "timestamp",
  createdAt: "timestamp",
});

export const AUDIT_LOG = defineTable("AuditLog", {
  id: "text",
  actorId: "text",
  actorRole: '"Role"',
  action: "text",
  entityType: "text",
  entityId: "text",
  before: "jsonb",
  after: "jsonb",
  at: "timestamp",
});
