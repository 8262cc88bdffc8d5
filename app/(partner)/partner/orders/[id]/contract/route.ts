import type { NextRequest } from "next/server";
import { isLocale, LOCALE_COOKIE } from "@/server/i18n/locales";
import { createContext } from "@selfcare/server/api/context";
import { createCaller } from "@selfcare/server/api/root";

const STATUS: Record<string, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 404 };

/**
 * GET /partner/orders/<id>/contract: the contract PDF of one of the dealer's own orders.
 * Ownership stays in the domain (through the procedure): another dealer's order is a 404.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const requested = request.nextUrl.searchParams.get("lang") ?? request.cookies.get(LOCALE_COOKIE)?.value;
  try {
    const caller = createCaller(await createContext({ cookies: request.cookies, headers: request.headers }));
    const contract = await caller.partner.orderContract({
      orderId: id,
      locale: isLocale(requested) ? requested : undefined,
    });
    return new Response(Buffer.from(contract.contentBase64, "base64"), {
      headers: {
        "Content-Type": contract.contentType,
        "Content-Disposition": `inline; filename="${contract.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    const code = (error as { code?: string } | null)?.code ?? "";
    if (STATUS[code]) {
      if (code === "UNAUTHORIZED") {
        const signIn = new URL("/sign-in", request.url);
        signIn.searchParams.set("callbackUrl", request.nextUrl.pathname);
        return Response.redirect(signIn, 303);
      }
      return new Response(code === "FORBIDDEN" ? "Forbidden" : "Not found", { status: STATUS[code] });
    }
    throw error;
  }
}
