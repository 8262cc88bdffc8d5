import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";
import { localeOrDefault, type AppLocale } from "../../i18n/locales";
import { translatorFor } from "../../i18n/translator";
import { operatorIn, type OperatorDetails } from "./settings.service";

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

export type PdfBill = {
  number: string;
  periodStart: Date;
  periodEnd: Date;
  issuedAt: Date;
  dueAt: Date;
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
  paidCents: number;
  currency: string;
  status: string;
  accountNumber: string;
  customerName: string;
  customerAddress: string | null;
  groups: { title: string; items: { description: string; amountCents: number }[]; totalCents: number }[];
  taxLabel: string;
};

const STATUSES = ["ISSUED", "PARTIALLY_PAID", "PAID", "OVERDUE", "CANCELLED"] as const;

function isKnownStatus(status: string): status is (typeof STATUSES)[number] {
  return (STATUSES as readonly string[]).includes(status);
}

function money(cents: number, currency: string, locale: AppLocale): string {
  return new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-GB", {
    style: "currency",
    currency,
    currencyDisplay: locale === "ru" ? "symbol" : "code",
  })
    .format(cents / 100)
    .replace(/\u00a0|\u202f/g, " ");
}

function day(date: Date, locale: AppLocale): string {
  return new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/**
 * The bill as a PDF document, in the customer's language: the operator's legal details, the
 * customer, the lines grouped by service line, tax and totals. DejaVu Sans carries Cyrillic.
 */
export async function renderBillPdf(bill: PdfBill, operator: OperatorDetails, localeInput: string): Promise<Buffer> {
  const locale = localeOrDefault(localeInput);
  const t = translatorFor(locale, "billPdf");
  const { legalName: operatorName, address } = operatorIn(operator, locale);
  const doc = new PDFDocument({
    size: "A4",
    margin: 48,
    info: {
      Title: `${t("title")} ${bill.number}`,
      Author: operatorName,
      Subject: bill.number,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.registerFont("regular", path.join(FONT_DIR, "DejaVuSans.ttf"));
  doc.registerFont("bold", path.join(FONT_DIR, "DejaVuSans-Bold.ttf"));
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const amountWidth = 120;

  // Operator
  doc.font("bold").fontSize(14).text(operatorName);
  doc.font("regular").fontSize(8.5).fillColor("#333333");
  if (address) doc.text(address);
  const ids = [
    operator.inn && `${t("inn")} ${operator.inn}`,
    operator.kpp && `${t("kpp")} ${operator.kpp}`,
    operator.ogrn && `${t("ogrn")} ${operator.ogrn}`,
  ].filter(Boolean);
  if (ids.length) doc.text(ids.join("   "));
  if (operator.bank?.name) {
    doc.text(`${t("bank")}: ${operator.bank.name}, ${t("bik")} ${operator.bank.bik ?? ""}`);
    doc.text(
      `${t("accountNo")} ${operator.bank.account ?? ""}   ${t("corr")} ${operator.bank.correspondentAccount ?? ""}`,
    );
  }
  const support = [operator.supportPhone, operator.supportEmail, operator.website].filter(Boolean).join("   ");
  if (support) doc.text(`${t("support")}: ${support}`);
  doc.fillColor("#000000").moveDown(1.2);

  // Title and facts
  doc
    .font("bold")
    .fontSize(18)
    .text(`${t("title")} № ${bill.number}`);
  doc.moveDown(0.4).font("regular").fontSize(10);
  const facts: [string, string][] = [
    [t("period"), `${day(bill.periodStart, locale)} — ${day(bill.periodEnd, locale)}`],
    [t("issued"), day(bill.issuedAt, locale)],
    [t("due"), day(bill.dueAt, locale)],
    [t("account"), bill.accountNumber],
    [t("customer"), bill.customerName],
    ...(bill.customerAddress ? ([[t("address"), bill.customerAddress]] as [string, string][]) : []),
    [t("status"), isKnownStatus(bill.status) ? t(`statuses.${bill.status}`) : bill.status],
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font("regular").fillColor("#555555").text(label, left, y, { width: 130 });
    doc.fillColor("#000000").text(value, left + 135, y, { width: width - 135 });
  }
  doc.moveDown(1);

  // Lines
  const row = (label: string, amount: string, options: { bold?: boolean; size?: number; indent?: number } = {}) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    const y = doc.y;
    const indent = options.indent ?? 0;
    doc.font(options.bold ? "bold" : "regular").fontSize(options.size ?? 10);
    doc.text(label, left + indent, y, { width: width - amountWidth - indent - 8 });
    const after = doc.y;
    doc.text(amount, left + width - amountWidth, y, { width: amountWidth, align: "right" });
    doc.y = Math.max(after, doc.y) + 3;
    doc.x = left;
  };
  const rule = () => {
    doc
      .moveTo(left, doc.y)
      .lineTo(left + width, doc.y)
      .lineWidth(0.5)
      .strokeColor("#999999")
      .stroke();
    doc.y += 4;
  };
  row(t("item"), t("amount"), { bold: true });
  rule();
  for (const group of bill.groups) {
    row(group.title, money(group.totalCents, bill.currency, locale), { bold: true });
    for (const item of group.items)
      row(item.description, money(item.amountCents, bill.currency, locale), { indent: 12, size: 9 });
    doc.y += 4;
  }
  rule();
  row(t("subtotal"), money(bill.subtotalCents, bill.currency, locale));
  row(bill.taxLabel, money(bill.taxCents, bill.currency, locale));
  row(t("total"), money(bill.totalCents, bill.currency, locale), { bold: true, size: 12 });
  if (bill.paidCents > 0) row(t("paid"), money(bill.paidCents, bill.currency, locale));
  row(t("leftToPay"), money(Math.max(0, bill.totalCents - bill.paidCents), bill.currency, locale), { bold: true });

  if (operator.licence) {
    doc.moveDown(2).font("regular").fontSize(7.5).fillColor("#666666").text(operator.licence, left, doc.y, { width });
  }
  doc.end();
  return done;
}
