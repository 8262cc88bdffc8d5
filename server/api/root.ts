import "server-only";
import { accountRouter } from "./routers/account";
import { addonRouter } from "./routers/addon";
import { adminRouter } from "./routers/admin";
import { authRouter } from "./routers/auth";
import { autopayRouter } from "./routers/autopay";
import { billRouter } from "./routers/bill";
import { activationRouter } from "./routers/activation";
import { agentRouter } from "./routers/agent";
import { incidentRouter } from "./routers/incident";
import { knowledgeRouter } from "./routers/knowledge";
import { lineRouter } from "./routers/line";
import { meRouter } from "./routers/me";
import { partnerRouter } from "./routers/partner";
import { passkeyRouter } from "./routers/passkey";
import { pushRouter } from "./routers/push";
import { requestRouter } from "./routers/request";
import { secondFactorRouter } from "./routers/second-factor";
import { simRouter } from "./routers/sim";
import { tariffRouter } from "./routers/tariff";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  me: meRouter,
  auth: authRouter,
  request: requestRouter,
  knowledge: knowledgeRouter,
  partner: partnerRouter,
  activation: activationRouter,
  account: accountRouter,
  bill: billRouter,
  autopay: autopayRouter,
  agent: agentRouter,
  push: pushRouter,
  tariff: tariffRouter,
  addon: addonRouter,
  line: lineRouter,
  admin: adminRouter,
  secondFactor: secondFactorRouter,
  passkey: passkeyRouter,
  sim: simRouter,
  incident: incidentRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
