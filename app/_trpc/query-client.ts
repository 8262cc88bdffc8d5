import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

/** One factory for the browser and for RSC prefetching; dehydrated state travels as superjson. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data prefetched on the server is fresh on arrival; do not refetch it at once.
        staleTime: 30 * 1000,
      },
      mutations: {
        // Sent even when the browser says it is offline: the service worker keeps an offline
        // request or message in its outbox and answers; React Query would otherwise hold it in
        // memory, "pending", and lose it when the app is closed.
        networkMode: "offlineFirst",
      },
      dehydrate: {
        serializeData: superjson.serialize,
        // Pending queries are dehydrated too, so a server prefetch can stream to the client.
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: {
        deserializeData: superjson.deserialize,
      },
    },
  });
}
