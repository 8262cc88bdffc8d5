import { NextResponse, type NextRequest } from "next/server";
import { readTRPCError } from "@/app/_lib/trpc-error";
import { isLocale, LOCALE_COOKIE } from "@/server/i18n/locales";
import { createContext } from "@selfcare/server/api/context";
import { createCaller } from "@selfcare/server/api/root";

/**
 * GET /bills/{id}/pdf: the bill as a PDF, rendered on the server. Sign-in required; anyone but the
 * owner gets 404, so a bill's existence is never revealed. Ownership is checked by the procedure.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const context = await createContext(request);
  // A download link carries no headers: the installed app marks itself in the query instead.
  const caller = createCaller(
    request.nextUrl.searchParams.get("via") === "pwa" ? { ...context, channel: "PWA" } : context,
  );
  const cookieLocale = request.cookies.get(LOCALE_COOKIE)?.value;
  try {
    const pdf = await caller.bill.pdf({ id, locale: isLocale(cookieLocale) ? cookieLocale : undefined });
    return new NextResponse(Buffer.from(pdf.contentBase64, "base64"), {
      headers: {
        "Content-Type": pdf.contentType,
        "Content-Disposition": `attachment; filename="${pdf.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    const { code } = readTRPCError(error);
    if (code === "UNAUTHORIZED") {
      if (request.headers.get("accept")?.includes("text/html")) {
        const signIn = new URL("/sign-in", request.nextUrl.origin);
        signIn.searchParams.set("callbackUrl", request.nextUrl.pathname);
        return NextResponse.redirect(signIn);
      }
      return new NextResponse("Sign in first", {
        status: 401,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
    if (code === "NOT_FOUND" || code === "FORBIDDEN" || code === "BAD_REQUEST") {
      return new NextResponse("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
