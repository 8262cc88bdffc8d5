import "server-only";
import type { Database } from "../../db/client";
import { getOperatorDetails, operatorIn } from "../billing/settings.service";
import { notFound } from "../errors";
import { tariffNameIn } from "../tariff/tariff-name";
import { renderContractPdf } from "./contract-pdf";

/** The contract of one of the dealer's own orders as a PDF; another dealer's order is NOT_FOUND. */
export async function getOrderContract(
  db: Database,
  input: { partnerId: string; orderId: string; locale: "ru" | "en" },
) {
  const order = await db.order.findFirst({
    where: { id: input.orderId, partnerId: input.partnerId },
    include: {
      tariff: true,
      line: { select: { id: true, address: true } },
      partner: true,
      createdBy: { select: { name: true } },
      customer: true,
    },
  });
  if (!order?.customer) throw notFound("Order");
  const operator = await getOperatorDetails(db);
  const { customer, tariff } = order;
  const site = operator.website ?? process.env.NEXTAUTH_URL ?? "";

  const pdf = await renderContractPdf({
    locale: input.locale,
    orderId: order.id,
    signedAt: order.createdAt,
    operator: {
      ...operatorIn(operator, input.locale),
      inn: operator.inn,
      kpp: operator.kpp,
      ogrn: operator.ogrn,
      licence: operator.licence,
      supportPhone: operator.supportPhone,
      website: operator.website,
    },
    subscriber: {
      fullName: [customer.lastName, customer.firstName, customer.middleName].filter(Boolean).join(" "),
      birthDate: customer.birthDate,
      documentNumber: customer.documentNumber,
      address: customer.address,
      phone: customer.phone,
      email: customer.email,
      accountNumber: customer.accountNumber,
    },
    line: {
      msisdn: order.msisdn,
      serviceId: order.kind === "HOME_INTERNET" ? (order.line?.id ?? null) : null,
      installationAddress: order.kind === "HOME_INTERNET" ? (order.line?.address ?? null) : null,
      tariffName: tariffNameIn(tariff, input.locale),
      monthlyFeeCents: tariff.monthlyFeeCents,
      currency: tariff.currency,
      minutes: tariff.minutes,
      sms: tariff.sms,
      dataMb: tariff.dataMb,
      minTermMonths: tariff.minTermMonths,
    },
    depositCents: order.depositCents,
    creditLimitCents: order.creditLimitCents,
    billingDay: customer.billingDay,
    dealer: { partnerName: order.partner.name, partnerCode: order.partner.code, employeeName: order.createdBy.name },
    activationUrl: `${site.replace(/\/$/, "")}/activate`,
  });
  return {
    fileName: `contract-${customer.accountNumber}.pdf`,
    contentType: "application/pdf",
    contentBase64: pdf.toString("base64"),
  };
}
