import "server-only";
import { agentSetSpendLimitInput } from "../../domain/spend/spend.schema";
import { setSpendLimitOnBehalf } from "../../domain/spend/spend-on-behalf.service";
import { z } from "zod";
import {
  adjustBillInputSchema,
  agentDisableAutopayInput,
  agentIncidentsInput,
  cannedInputSchema,
  changeTariffInputSchema,
  customerIdSchema,
  customerSearchSchema,
  interactionsInputSchema,
  lineIdSchema,
  queueInputSchema,
  replyInputSchema,
  requestIdSchema,
  resolveInputSchema,
  tariffPreviewInputSchema,
  transferInputSchema,
} from "../../domain/agent/agent.schema";
import { claimRequest, releaseRequest, transferRequest } from "../../domain/agent/assignment.service";
import { replyToRequest, resolveRequest } from "../../domain/agent/conversation.service";
import { getCustomer360, listInteractions } from "../../domain/agent/customer-360.service";
import { searchCustomers } from "../../domain/agent/customer-search.service";
import {
  adjustBillOnBehalf,
  changeTariffOnBehalf,
  getAdjustmentLimit,
  listTariffOptions,
  previewTariffOnBehalf,
} from "../../domain/agent/on-behalf.service";
import {
  buyAddonOnBehalf,
  listAddonsOnBehalf,
  controlLineOnBehalf,
  listStuckCommands,
  retryStuckCommand,
} from "../../domain/agent/line-on-behalf.service";
import { listAgents, listQueue } from "../../domain/agent/queue.service";
import { listIncidentsForAgents } from "../../domain/incident/incident-agent.service";
import { attachRequestToIncident } from "../../domain/incident/incident-requests.service";
import { attachToIncidentInput } from "../../domain/incident/incident.schema";
import { buyAddonInput } from "../../domain/addon/addon.schema";
import { agentLineActionInput, provisioningCommandInput } from "../../domain/line/line.schema";
import { getRequestForAgent, listCannedResponses } from "../../domain/agent/request-detail.service";
import { agentCancelSimReplacementInput, replaceSimInput, simStatusInput } from "../../domain/sim/sim.schema";
import { cancelSimReplacementOnBehalf } from "../../domain/sim/sim-cancel.service";
import { getSimStatusOnBehalf, replaceSimOnBehalf } from "../../domain/sim/sim-on-behalf.service";
import { disableAutopayOnBehalf, getAutopayOnBehalf } from "../../domain/agent/autopay-on-behalf.service";
import { agentProcedure, createTRPCRouter } from "../trpc";

/** The contact centre's console: agents and supervisors only (subscribers and dealers get FORBIDDEN). */
export const agentRouter = createTRPCRouter({
  queue: agentProcedure.input(queueInputSchema).query(({ ctx, input }) => listQueue(ctx.db, ctx.actor, input)),
  agents: agentProcedure.input(z.object({}).optional()).query(({ ctx }) => listAgents(ctx.db)),
  request: agentProcedure
    .input(requestIdSchema)
    .query(({ ctx, input }) => getRequestForAgent(ctx.db, ctx.actor, input.requestId)),
  claim: agentProcedure
    .input(requestIdSchema)
    .mutation(({ ctx, input }) => claimRequest(ctx.db, ctx.actor, input.requestId)),
  release: agentProcedure
    .input(requestIdSchema)
    .mutation(({ ctx, input }) => releaseRequest(ctx.db, ctx.actor, input.requestId)),
  transfer: agentProcedure
    .input(transferInputSchema)
    .mutation(({ ctx, input }) => transferRequest(ctx.db, ctx.actor, input)),
  reply: agentProcedure.input(replyInputSchema).mutation(({ ctx, input }) => replyToRequest(ctx.db, ctx.actor, input)),
  resolve: agentProcedure
    .input(resolveInputSchema)
    .mutation(({ ctx, input }) => resolveRequest(ctx.db, ctx.actor, input)),
  cannedResponses: agentProcedure
    .input(cannedInputSchema)
    .query(({ ctx, input }) => listCannedResponses(ctx.db, ctx.actor, input)),
  searchCustomers: agentProcedure.input(customerSearchSchema).query(({ ctx, input }) => searchCustomers(ctx.db, input)),
  customer360: agentProcedure
    .input(customerIdSchema)
    .query(({ ctx, input }) => getCustomer360(ctx.db, input.customerId)),
  interactions: agentProcedure
    .input(interactionsInputSchema)
    .query(({ ctx, input }) => listInteractions(ctx.db, input)),
  tariffOptions: agentProcedure.input(lineIdSchema).query(({ ctx, input }) => listTariffOptions(ctx.db, input.lineId)),
  previewTariffChange: agentProcedure
    .input(tariffPreviewInputSchema)
    .query(({ ctx, input }) => previewTariffOnBehalf(ctx.db, input)),
  changeTariff: agentProcedure
    .input(changeTariffInputSchema)
    .mutation(({ ctx, input }) => changeTariffOnBehalf(ctx.db, ctx.actor, input)),
  adjustmentLimit: agentProcedure
    .input(z.object({}).optional())
    .query(({ ctx }) => getAdjustmentLimit(ctx.db, ctx.actor)),
  adjustBill: agentProcedure
    .input(adjustBillInputSchema)
    .mutation(({ ctx, input }) => adjustBillOnBehalf(ctx.db, ctx.actor, input)),
  lineAction: agentProcedure
    .input(agentLineActionInput)
    .mutation(({ ctx, input }) => controlLineOnBehalf(ctx.db, ctx.actor, input)),
  addonOptions: agentProcedure.input(lineIdSchema).query(({ ctx, input }) => listAddonsOnBehalf(ctx.db, input.lineId)),
  buyAddon: agentProcedure
    .input(buyAddonInput)
    .mutation(({ ctx, input }) => buyAddonOnBehalf(ctx.db, ctx.actor, input)),
  stuckCommands: agentProcedure.input(z.object({}).optional()).query(({ ctx }) => listStuckCommands(ctx.db)),
  retryProvisioning: agentProcedure
    .input(provisioningCommandInput)
    .mutation(({ ctx, input }) => retryStuckCommand(ctx.db, ctx.actor, input)),
  replaceSim: agentProcedure
    .input(replaceSimInput)
    .mutation(({ ctx, input }) => replaceSimOnBehalf(ctx.db, ctx.actor, input)),
  simStatus: agentProcedure.input(simStatusInput).query(({ ctx, input }) => getSimStatusOnBehalf(ctx.db, input)),
  setSpendLimit: agentProcedure
    .input(agentSetSpendLimitInput)
    .mutation(({ ctx, input }) => setSpendLimitOnBehalf(ctx.db, ctx.actor, input)),
  cancelSimReplacement: agentProcedure
    .input(agentCancelSimReplacementInput)
    .mutation(({ ctx, input }) => cancelSimReplacementOnBehalf(ctx.db, ctx.actor, input)),
  autopay: agentProcedure
    .input(customerIdSchema)
    .query(({ ctx, input }) => getAutopayOnBehalf(ctx.db, input.customerId)),
  disableAutopay: agentProcedure
    .input(agentDisableAutopayInput)
    .mutation(({ ctx, input }) => disableAutopayOnBehalf(ctx.db, ctx.actor, input)),
  incidents: agentProcedure.input(agentIncidentsInput).query(({ ctx, input }) => listIncidentsForAgents(ctx.db, input)),
  attachToIncident: agentProcedure
    .input(attachToIncidentInput)
    .mutation(({ ctx, input }) => attachRequestToIncident(ctx.db, ctx.actor, input)),
});
