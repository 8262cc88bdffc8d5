import { redirect } from "next/navigation";
import { HOME_BY_ROLE } from "./_lib/navigation";
import { getSession } from "./_trpc/server";

export default async function RootPage() {
  const session = await getSession();
  redirect(session ? HOME_BY_ROLE[session.role] : "/sign-in");
}
