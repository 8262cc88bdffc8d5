import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptionsFor } from "@selfcare/server/auth/auth-options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** next-auth with the options of this request: `Secure` cookies when it came over https. */
function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  return NextAuth(request, context, authOptionsFor(request.headers));
}

export { handler as GET, handler as POST };
