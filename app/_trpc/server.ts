import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cookies, headers } from "next/headers";
import { cache, createElement, type ReactNode } from "react";
import { createContext } from "@selfcare/server/api/context";
import { appRouter, createCaller } from "@selfcare/server/api/root";
import { makeQueryClient } from "./query-client";

/** One tRPC context per request: the session is looked up once however many components ask. */
const getContext = cache(async () => createContext({ cookies: await cookies(), headers: await headers() }));

/** Calls procedures directly from server components, as the signed-in user. */
export const getServerCaller = cache(async () => createCaller(await getContext()));

/** The signed-in user (`{id, role, name, locale, customerId, partnerId}`), or null. */
export const getSession = cache(async () => (await getContext()).session);

export type Session = NonNullable<Awaited<ReturnType<typeof getSession>>>;

/** For prefetching into React Query on the server: `void getQueryClient().prefetchQuery(trpc.x.queryOptions())`. */
export const getQueryClient = cache(makeQueryClient);

export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });

/** Hands the server-prefetched queries to client components below it. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return createElement(HydrationBoundary, { state: dehydrate(getQueryClient()) }, children);
}
