import { redirect } from "next/navigation";
import { HOME_BY_ROLE } from "./_lib/navigation";
import { getSession } from "./_trpc/server";

export default async function RootPage() {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  // Staff who have not set up the second factor yet: that first.
  redirect(session.secondFactorPending ? "/second-factor" : HOME_BY_ROLE[session.role]);
}
