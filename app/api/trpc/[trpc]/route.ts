import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { NextRequest } from "next/server";
import { createContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestId } from "@/server/log";

function handler(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  return runWithRequestId(requestId, async () => {
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request,
      router: appRouter,
      createContext: () => createContext(request),
    });
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  });
}

export { handler as GET, handler as POST };
