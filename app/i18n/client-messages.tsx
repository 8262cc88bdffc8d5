import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Messages } from "./messages";

type Namespace = keyof Messages;

/** What every page's client components read: the shell, navigation, offline pieces, error view. */
export const SHELL_NAMESPACES = ["common", "nav", "pwa", "errors"] as const satisfies readonly Namespace[];

/**
 * Gives the client components below only the namespaces they use, instead of every string of the
 * app in every page's HTML. Server components are not affected: they read all messages on the server.
 * A client component that reads another namespace needs it added where its route group's layout
 * (or the root layout, outside the groups) lists them; next-intl logs MISSING_MESSAGE otherwise.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly Namespace[];
  children: ReactNode;
}) {
  const messages = (await getMessages()) as Messages;
  const picked = Object.fromEntries(
    [...SHELL_NAMESPACES, ...namespaces].map((namespace) => [namespace, messages[namespace]]),
  );
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
