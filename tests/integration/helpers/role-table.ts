import type { z } from "zod";
import { appRouter } from "../../../server/api/root";
import type { TRPCErrorCode } from "../../../app/_lib/trpc-error";
import type { callerAs } from "./callers";
import { DEMO } from "./callers";

/**
 * Every procedure, read from the router itself, called as every kind of caller. The table says who
 * may call each one; a procedure nobody added to it fails the first test, so a new procedure
 * cannot ship without its wall.
 */
export type Access =
  /** Anyone, signed in or not (sign-in helpers, activation). */
  | "public"
  /** Any signed-in role. */
  | "signedIn"
  | "subscriber"
  /** Agents and supervisors. */
  | "agent"
  | "partner"
  | "admin"
  /** Staff, also before their second factor is enrolled (the enrolment itself). */
  | "staffEnrolment";

export const ACCESS: Record<string, Access> = {
  "me.get": "signedIn",
  "me.setLocale": "signedIn",
  "auth.requestCode": "public",
  "auth.resetPassword": "public",
  "auth.resetPasswordWithLink": "public",
  "auth.passkeyOptions": "public",
  "request.suggest": "subscriber",
  "request.create": "subscriber",
  "request.list": "subscriber",
  "request.byId": "subscriber",
  "request.addMessage": "subscriber",
  "request.markSolved": "subscriber",
  "request.escalate": "subscriber",
  "request.reopen": "subscriber",
  "request.rate": "subscriber",
  "knowledge.search": "signedIn",
  "knowledge.article": "signedIn",
  "knowledge.recordView": "signedIn",
  "knowledge.feedback": "signedIn",
  "partner.tariffs": "partner",
  "partner.availableNumbers": "partner",
  "partner.reserveNumber": "partner",
  "partner.releaseNumber": "partner",
  "partner.creditCheck": "partner",
  "partner.registerSubscriber": "partner",
  "partner.reissueActivationCode": "partner",
  "partner.customers": "partner",
  "partner.orders": "partner",
  "partner.figures": "partner",
  "partner.orderContract": "partner",
  "activation.activate": "public",
  "account.summary": "subscriber",
  "account.sessions": "signedIn",
  "account.signOutSession": "signedIn",
  "account.signOutOthers": "signedIn",
  "account.changePassword": "signedIn",
  "passkey.registrationOptions": "signedIn",
  "passkey.register": "signedIn",
  "passkey.list": "signedIn",
  "passkey.remove": "signedIn",
  "autopay.get": "subscriber",
  "autopay.enable": "subscriber",
  "autopay.disable": "subscriber",
  "bill.list": "subscriber",
  "bill.byId": "subscriber",
  "bill.recordView": "subscriber",
  "bill.explain": "subscriber",
  "bill.pdf": "subscriber",
  "bill.pay": "subscriber",
  "bill.payments": "subscriber",
  "agent.queue": "agent",
  "agent.agents": "agent",
  "agent.request": "agent",
  "agent.claim": "agent",
  "agent.release": "agent",
  "agent.transfer": "agent",
  "agent.reply": "agent",
  "agent.resolve": "agent",
  "agent.cannedResponses": "agent",
  "agent.searchCustomers": "agent",
  "agent.customer360": "agent",
  "agent.interactions": "agent",
  "agent.tariffOptions": "agent",
  "agent.previewTariffChange": "agent",
  "agent.changeTariff": "agent",
  "agent.adjustmentLimit": "agent",
  "agent.adjustBill": "agent",
  "agent.lineAction": "agent",
  "agent.addonOptions": "agent",
  "agent.buyAddon": "agent",
  "agent.stuckCommands": "agent",
  "agent.retryProvisioning": "agent",
  "push.publicKey": "signedIn",
  "push.devices": "signedIn",
  "push.subscribe": "signedIn",
  "push.unsubscribe": "signedIn",
  "tariff.list": "signedIn",
  "tariff.recommend": "subscriber",
  "tariff.previewChange": "subscriber",
  "tariff.change": "subscriber",
  "tariff.cancelChange": "subscriber",
  "tariff.changes": "subscriber",
  "addon.list": "subscriber",
  "addon.preview": "subscriber",
  "addon.buy": "subscriber",
  "addon.mine": "subscriber",
  "addon.setAutoRenew": "subscriber",
  "addon.roaming": "subscriber",
  "addon.countries": "subscriber",
  "line.block": "subscriber",
  "line.unblock": "subscriber",
  "line.suspendPreview": "subscriber",
  "line.suspend": "subscriber",
  "line.resume": "subscriber",
  "line.setSpendLimit": "subscriber",
  "agent.setSpendLimit": "agent",
  "secondFactor.status": "staffEnrolment",
  "secondFactor.beginEnrolment": "staffEnrolment",
  "secondFactor.confirmEnrolment": "staffEnrolment",
  "secondFactor.demoCode": "public",
  "sim.replace": "subscriber",
  "sim.status": "subscriber",
  "sim.esimCode": "subscriber",
  "partner.simReplacements.list": "partner",
  "partner.simReplacements.complete": "partner",
  "agent.replaceSim": "agent",
  "agent.simStatus": "agent",
  "sim.cancelReplacement": "subscriber",
  "agent.cancelSimReplacement": "agent",
  "agent.autopay": "agent",
  "agent.disableAutopay": "agent",
  "incident.forMe": "subscriber",
  "incident.subscribe": "subscriber",
  "admin.incidents.list": "admin",
  "admin.incidents.declare": "admin",
  "admin.incidents.update": "admin",
  "admin.incidents.resolve": "admin",
  "agent.incidents": "agent",
  "agent.attachToIncident": "agent",
};
for (const path of Object.keys(appRouter._def.procedures)) {
  if (path.startsWith("admin.")) ACCESS[path] ??= "admin";
}

export type Who = "anonymous" | "subscriber" | "otherSubscriber" | "agent" | "otherDealer" | "supervisor";
export const LOGIN: Record<Who, string | null> = {
  anonymous: null,
  subscriber: DEMO.silver,
  otherSubscriber: DEMO.bronze,
  agent: DEMO.agent1,
  otherDealer: DEMO.dealer2,
  supervisor: DEMO.admin,
};

export const ROLES_ALLOWED: Record<Access, readonly Who[]> = {
  public: ["anonymous", "subscriber", "otherSubscriber", "agent", "otherDealer", "supervisor"],
  signedIn: ["subscriber", "otherSubscriber", "agent", "otherDealer", "supervisor"],
  subscriber: ["subscriber", "otherSubscriber"],
  agent: ["agent", "supervisor"],
  partner: ["otherDealer"],
  admin: ["supervisor"],
  staffEnrolment: ["agent", "otherDealer", "supervisor"],
};

/** What the wall answers a caller it does not let through. */
export function refusalFor(access: Access, who: Who): TRPCErrorCode | null {
  if (ROLES_ALLOWED[access].includes(who)) return null;
  return who === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN";
}

export type Caller = Awaited<ReturnType<typeof callerAs>>;

export function callProcedure(caller: Caller, path: string, input: unknown = {}): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

/** A procedure's input schema (the first `.input()`), if it has one. */
export function inputSchemaOf(path: string): z.ZodType | undefined {
  const procedure = appRouter._def.procedures[path as keyof typeof appRouter._def.procedures] as unknown as {
    _def: { inputs: z.ZodType[] };
  };
  return procedure._def.inputs[0];
}

/** The top-level keys of a procedure's input (through optional wrappers). */
export function inputKeys(path: string): string[] {
  const procedure = appRouter._def.procedures[path as keyof typeof appRouter._def.procedures] as unknown as {
    _def: { inputs: z.ZodType[] };
  };
  const keys = new Set<string>();
  for (const input of procedure._def.inputs) {
    let schema: unknown = input;
    for (let depth = 0; depth < 5 && schema; depth++) {
      const zodDef = (schema as { def?: { type?: string; innerType?: unknown; shape?: Record<string, unknown> } }).def;
      if (zodDef?.type === "object") {
        for (const key of Object.keys(zodDef.shape ?? {})) keys.add(key);
        break;
      }
      schema = zodDef?.innerType;
    }
  }
  return [...keys];
}
