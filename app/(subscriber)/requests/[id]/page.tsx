import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RoleGate } from "@/app/_components/role-gate";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { getServerCaller } from "@/app/_trpc/server";
import { RequestDetail } from "../_components/request-detail";

type Props = { params: Promise<{ id: string }> };

async function loadRequest(id: string) {
  try {
    return await (await getServerCaller()).request.byId({ id });
  } catch (error) {
    // Someone else's request, or none: the same page as a wrong address.
    const { code } = readTRPCError(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("requests");
  const { id } = await params;
  const request = await (await getServerCaller()).request.byId({ id }).catch(() => null);
  return { title: request ? t("metaDetail", { number: request.number }) : t("metaTitle") };
}

export default async function RequestPage({ params }: Props) {
  const { id } = await params;
  return (
    <RoleGate area="subscriber">
      <RequestDetailLoader id={id} />
    </RoleGate>
  );
}

async function RequestDetailLoader({ id }: { id: string }) {
  const request = await loadRequest(id);
  return <RequestDetail initial={request} />;
}
