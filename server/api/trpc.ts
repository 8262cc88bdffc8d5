import "server-only";
import type { Role } from "@prisma/client";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Database } from "../db/client";
import type { SessionUser } from "../domain/identity/session-user";
import type { SessionOwner } from "../domain/identity/sessions.service";
import { needsSecondFactor } from "../domain/identity/totp";
import { AppError, isDatabaseUnavailable, isUniqueViolation } from "../domain/errors";
import { requestLocale } from "../i18n/locales";
import { currentRequestId, log, newRequestId, runWithRequestId } from "../log";

export type Channel = "WEB" | "PWA";

export const SERVICE_UNAVAILABLE_MESSAGE = "The service is temporarily unavailable; try again in a minute";

/** The database is down or out of reach: 503, which the caller may retry, instead of a 500. */
export function serviceUnavailable(cause: unknown): TRPCError {
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: SERVICE_UNAVAILABLE_MESSAGE, cause });
}

export type Context = {
  db: Database;
  session: SessionUser | null;
  ip: string;
  /** WEB, or PWA when the request comes from the installed app. */
  channel: Channel;
  /** The request's id for the logs (`x-request-id`); a caller made without one gets a new id per call. */
  requestId?: string;
  /** The device's language wishes (the language switch's cookie, Accept-Language), for `ctx.locale`. */
  languages?: { cookie?: string; acceptLanguage?: string | null };
};

function fieldErrorsOf(cause: unknown): Record<string, string> | undefined {
  if (cause instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of cause.issues) {
      const path = issue.path.join(".") || "input";
      fields[path] ??= issue.message;
    }
    return fields;
  }
  if (cause instanceof AppError) return cause.fields;
  return undefined;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const fields = fieldErrorsOf(error.cause);
    return {
      ...shape,
      message:
        error.cause instanceof ZodError ? `Invalid input: ${Object.keys(fields ?? {}).join(", ")}` : shape.message,
      data: { ...shape.data, stack: undefined, fields },
    };
  },
});

/**
 * The request's scope: every line logged while a procedure runs, down to the domain and the
 * database, carries the request's id (the web server opens that scope already; a caller without
 * one, such as the RSC caller, gets it here), and `ctx.locale` is the language of the texts the
 * server writes for this call (notifications, PDFs, bill lines).
 */
const requestScope = t.middleware(({ ctx, next }) => {
  const locale = requestLocale({ account: ctx.session?.locale, ...ctx.languages });
  const current = currentRequestId();
  if (ctx.requestId && current === ctx.requestId) return next({ ctx: { requestId: current, locale } });
  const requestId = ctx.requestId ?? current ?? newRequestId();
  return runWithRequestId(requestId, () => next({ ctx: { requestId, locale } }));
});

/** The one place domain errors become tRPC errors. */
const mapDomainErrors = t.middleware(async ({ next, path, type }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: cause.code, message: cause.message, cause });
    }
    if (isUniqueViolation(cause)) {
      throw new TRPCError({ code: "CONFLICT", message: "Already exists or changed concurrently", cause });
    }
    if (isDatabaseUnavailable(cause)) {
      log.warn({ err: cause, path, type }, "database unavailable");
      throw serviceUnavailable(cause);
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      log.error({ err: cause ?? result.error, path, type, code: result.error.code }, "unexpected error in a procedure");
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong" });
    }
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(requestScope).use(mapDomainErrors);

/** Signed in: `ctx.session`, and `ctx.actor`, who acts as the audit log records it (user, role, name, address). */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  const { session } = ctx;
  if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  const actor = { id: session.id, role: session.role, name: session.name, ip: ctx.ip };
  return next({ ctx: { ...ctx, session, actor } });
});

/** The signed-in user as the owner of their sessions, passkeys and other own-account records (every role has some). */
export function sessionOwnerOf(ctx: Context & { session: SessionUser }): SessionOwner {
  const { session } = ctx;
  return {
    id: session.id,
    role: session.role,
    ip: ctx.ip,
    customerId: session.customerId,
    sessionId: session.sessionId,
    channel: ctx.channel,
  };
}

export const SECOND_FACTOR_PENDING_MESSAGE = "Set up the second factor first";

/** Signed in as staff (agent, dealer, supervisor), also before the second factor is enrolled: the enrolment itself. */
export const staffEnrolmentProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!needsSecondFactor(ctx.session.role)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Not available for your role" });
  }
  return next();
});

function roleProcedure(...roles: Role[]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.session.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Not available for your role" });
    }
    // Staff who signed in with a password alone reach nothing but the enrolment of their second factor.
    if (ctx.session.secondFactorPending) {
      throw new TRPCError({ code: "FORBIDDEN", message: SECOND_FACTOR_PENDING_MESSAGE });
    }
    return next();
  });
}

/** Signed in as any role, staff with their second factor passed: what one does with one's own account. */
export const signedInProcedure = roleProcedure("SUBSCRIBER", "AGENT", "PARTNER", "ADMIN");

export const subscriberProcedure = roleProcedure("SUBSCRIBER").use(({ ctx, next }) => {
  if (!ctx.session.customerId) throw new TRPCError({ code: "FORBIDDEN", message: "No customer account" });
  return next({ ctx: { ...ctx, customerId: ctx.session.customerId } });
});
/** Supervisors may do what agents may. */
export const agentProcedure = roleProcedure("AGENT", "ADMIN");
export const partnerProcedure = roleProcedure("PARTNER").use(({ ctx, next }) => {
  if (!ctx.session.partnerId) throw new TRPCError({ code: "FORBIDDEN", message: "No partner" });
  return next({ ctx: { ...ctx, partnerId: ctx.session.partnerId } });
});
export const adminProcedure = roleProcedure("ADMIN");
