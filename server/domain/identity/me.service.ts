import "server-only";
import type { Database } from "../../db/client";
import type { SessionUser } from "./session-user";
import { notFound } from "../errors";

export async function getMe(db: Database, session: SessionUser) {
  const user = await db.user.findUnique({
    where: { id: session.id },
    select: {
      id: true,
      role: true,
      name: true,
      email: true,
      phone: true,
      locale: true,
      customerId: true,
      partnerId: true,
      partner: { select: { name: true } },
      customer: { select: { accountNumber: true } },
    },
  });
  if (!user) throw notFound("User");
  return {
    id: user.id,
    role: user.role,
    name: user.name,
    email: user.email,
    phone: user.phone,
    locale: user.locale,
    customerId: user.customerId ?? undefined,
    partnerId: user.partnerId ?? undefined,
    partnerName: user.partner?.name,
    accountNumber: user.customer?.accountNumber,
  };
}

export async function setLocale(db: Database, userId: string, locale: "ru" | "en") {
  await db.user.update({ where: { id: userId }, data: { locale } });
  return { locale };
}
