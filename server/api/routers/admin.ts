import "server-only";
import { addonIdInput, createAddonInput, updateAddonInput } from "../../domain/admin/addon-admin.schema";
import { createAddon, listAddonCatalogue, setAddonStatus, updateAddon } from "../../domain/admin/addon-admin.service";
import { z } from "zod";
import {
  declareIncident,
  listIncidents,
  resolveIncident,
  updateIncident,
} from "../../domain/incident/incident-admin.service";
import {
  declareIncidentInput,
  listIncidentsInput,
  resolveIncidentInput,
  updateIncidentInput,
} from "../../domain/incident/incident.schema";
import {
  approveInput,
  articleSlugInput,
  createArticleInput,
  createTariffInput,
  createUserInput,
  deleteTariffInput,
  draftFromRequestInput,
  effectivenessInput,
  exportReportInput,
  listApprovalsInput,
  listArticlesInput,
  listAuditInput,
  listUsersInput,
  policyVersionInput,
  policyVersionsInput,
  rejectInput,
  reportRangeInput,
  savePolicyInput,
  setPublishedInput,
  tariffIdInput,
  unthrottleInput,
  findSubscriberInput,
  updateArticleInput,
  updateTariffInput,
  userIdInput,
  whatIfInput,
} from "../../domain/admin/admin.schema";
import { getAdminHome } from "../../domain/admin/admin-home.service";
import { approveAdjustment, listApprovals, rejectAdjustment } from "../../domain/admin/approvals.service";
import { getArticleEffectiveness } from "../../domain/admin/article-effectiveness.service";
import { getAuditFacets, listAuditEntries } from "../../domain/admin/audit-viewer.service";
import {
  createArticle,
  draftArticleFromRequest,
  getArticleTopic,
  listArticleCandidates,
  listArticleTopics,
  updateArticle,
} from "../../domain/admin/knowledge-admin.service";
import { getCreditPolicyForEditing, updateCreditPolicy } from "../../domain/admin/credit-policy-admin.service";
import {
  getPolicyForEditing,
  getPolicyVersion,
  listPolicyVersions,
  savePolicy,
} from "../../domain/admin/policy-admin.service";
import { exportReportCsv } from "../../domain/admin/reports-export.service";
import { getReportOverview, getReportTimeline } from "../../domain/admin/reports.service";
import {
  createTariff,
  deleteTariff,
  getCatalogueTariff,
  listCatalogue,
  setTariffStatus,
  updateTariff,
} from "../../domain/admin/tariff-admin.service";
import {
  createStaffUser,
  listPartners,
  listStaff,
  listThrottled,
  lockUser,
  findSubscriberByPhone,
  unlockUser,
  unthrottleIdentifier,
} from "../../domain/admin/users-admin.service";
import { runWhatIf } from "../../domain/admin/what-if.service";
import { createPasswordResetLink } from "../../domain/admin/staff-password-link.service";
import { listSmsInput } from "../../domain/sms/sms.schema";
import { listSms } from "../../domain/sms/sms.service";
import { resetSecondFactor } from "../../domain/identity/second-factor.service";
import { updateCreditPolicyInput } from "../../domain/partner/credit-policy.schema";
import { adminProcedure, createTRPCRouter } from "../trpc";

const noInput = z.object({}).optional();

/** The supervisor's back office: ADMIN only (subscribers, dealers and agents get FORBIDDEN). Every mutation is audited. */
export const adminRouter = createTRPCRouter({
  home: adminProcedure.input(noInput).query(({ ctx }) => getAdminHome(ctx.db)),

  policy: createTRPCRouter({
    get: adminProcedure.input(noInput).query(({ ctx }) => getPolicyForEditing(ctx.db)),
    versions: adminProcedure.input(policyVersionsInput).query(({ ctx, input }) => listPolicyVersions(ctx.db, input)),
    version: adminProcedure
      .input(policyVersionInput)
      .query(({ ctx, input }) => getPolicyVersion(ctx.db, input.version)),
    whatIf: adminProcedure.input(whatIfInput).query(({ ctx, input }) => runWhatIf(ctx.db, input)),
    save: adminProcedure.input(savePolicyInput).mutation(({ ctx, input }) => savePolicy(ctx.db, ctx.actor, input)),
  }),

  /** The credit policy of dealers' credit checks (deposit and credit limit by age and tariff, refusals). */
  creditPolicy: adminProcedure.input(noInput).query(({ ctx }) => getCreditPolicyForEditing(ctx.db)),
  updateCreditPolicy: adminProcedure
    .input(updateCreditPolicyInput)
    .mutation(({ ctx, input }) => updateCreditPolicy(ctx.db, ctx.actor, input)),

  tariffs: createTRPCRouter({
    list: adminProcedure.input(noInput).query(({ ctx }) => listCatalogue(ctx.db)),
    byId: adminProcedure.input(tariffIdInput).query(({ ctx, input }) => getCatalogueTariff(ctx.db, input.id)),
    create: adminProcedure
      .input(createTariffInput)
      .mutation(({ ctx, input }) => createTariff(ctx.db, ctx.actor, input)),
    update: adminProcedure
      .input(updateTariffInput)
      .mutation(({ ctx, input }) => updateTariff(ctx.db, ctx.actor, input)),
    retire: adminProcedure
      .input(tariffIdInput)
      .mutation(({ ctx, input }) => setTariffStatus(ctx.db, ctx.actor, input.id, "RETIRED")),
    reactivate: adminProcedure
      .input(tariffIdInput)
      .mutation(({ ctx, input }) => setTariffStatus(ctx.db, ctx.actor, input.id, "ACTIVE")),
    delete: adminProcedure
      .input(deleteTariffInput)
      .mutation(({ ctx, input }) => deleteTariff(ctx.db, ctx.actor, input)),
  }),

  addons: createTRPCRouter({
    list: adminProcedure.input(noInput).query(({ ctx }) => listAddonCatalogue(ctx.db)),
    create: adminProcedure.input(createAddonInput).mutation(({ ctx, input }) => createAddon(ctx.db, ctx.actor, input)),
    update: adminProcedure.input(updateAddonInput).mutation(({ ctx, input }) => updateAddon(ctx.db, ctx.actor, input)),
    retire: adminProcedure
      .input(addonIdInput)
      .mutation(({ ctx, input }) => setAddonStatus(ctx.db, ctx.actor, input.id, "RETIRED")),
    reactivate: adminProcedure
      .input(addonIdInput)
      .mutation(({ ctx, input }) => setAddonStatus(ctx.db, ctx.actor, input.id, "ACTIVE")),
  }),

  incidents: createTRPCRouter({
    list: adminProcedure.input(listIncidentsInput).query(({ ctx, input }) => listIncidents(ctx.db, input)),
    declare: adminProcedure
      .input(declareIncidentInput)
      .mutation(({ ctx, input }) =>
        declareIncident(ctx.db, { actor: ctx.actor, idempotencyKey: input.idempotencyKey }, input),
      ),
    update: adminProcedure
      .input(updateIncidentInput)
      .mutation(({ ctx, input }) =>
        updateIncident(ctx.db, { actor: ctx.actor, idempotencyKey: input.idempotencyKey }, input),
      ),
    resolve: adminProcedure
      .input(resolveIncidentInput)
      .mutation(({ ctx, input }) =>
        resolveIncident(ctx.db, { actor: ctx.actor, idempotencyKey: input.idempotencyKey }, input),
      ),
  }),

  knowledge: createTRPCRouter({
    list: adminProcedure.input(listArticlesInput).query(({ ctx, input }) => listArticleTopics(ctx.db, input)),
    bySlug: adminProcedure.input(articleSlugInput).query(({ ctx, input }) => getArticleTopic(ctx.db, input.slug)),
    create: adminProcedure
      .input(createArticleInput)
      .mutation(({ ctx, input }) => createArticle(ctx.db, ctx.actor, input)),
    update: adminProcedure
      .input(updateArticleInput)
      .mutation(({ ctx, input }) => updateArticle(ctx.db, ctx.actor, input)),
    setPublished: adminProcedure
      .input(setPublishedInput)
      .mutation(({ ctx, input }) => updateArticle(ctx.db, ctx.actor, input)),
    draftFromRequest: adminProcedure
      .input(draftFromRequestInput)
      .query(({ ctx, input }) => draftArticleFromRequest(ctx.db, input.requestNumber)),
    candidates: adminProcedure.input(noInput).query(({ ctx }) => listArticleCandidates(ctx.db)),
    effectiveness: adminProcedure
      .input(effectivenessInput)
      .query(({ ctx, input }) => getArticleEffectiveness(ctx.db, input)),
  }),

  approvals: createTRPCRouter({
    list: adminProcedure.input(listApprovalsInput).query(({ ctx, input }) => listApprovals(ctx.db, input)),
    approve: adminProcedure
      .input(approveInput)
      .mutation(({ ctx, input }) => approveAdjustment(ctx.db, ctx.actor, input)),
    reject: adminProcedure.input(rejectInput).mutation(({ ctx, input }) => rejectAdjustment(ctx.db, ctx.actor, input)),
  }),

  users: createTRPCRouter({
    list: adminProcedure.input(listUsersInput).query(({ ctx, input }) => listStaff(ctx.db, input)),
    partners: adminProcedure.input(noInput).query(({ ctx }) => listPartners(ctx.db)),
    create: adminProcedure
      .input(createUserInput)
      .mutation(({ ctx, input }) => createStaffUser(ctx.db, ctx.actor, input)),
    lock: adminProcedure.input(userIdInput).mutation(({ ctx, input }) => lockUser(ctx.db, ctx.actor, input.userId)),
    unlock: adminProcedure.input(userIdInput).mutation(({ ctx, input }) => unlockUser(ctx.db, ctx.actor, input.userId)),
    findSubscriber: adminProcedure
      .input(findSubscriberInput)
      .query(({ ctx, input }) => findSubscriberByPhone(ctx.db, input)),
    /** A one-time link (24 h) for a staff member to set a new password; the URL is shown only in this answer. */
    resetPasswordLink: adminProcedure
      .input(userIdInput)
      .mutation(({ ctx, input }) => createPasswordResetLink(ctx.db, ctx.actor, input.userId)),
    /** Removes a staff member's TOTP and recovery codes (a lost phone) and ends their sessions; audited. */
    resetSecondFactor: adminProcedure
      .input(userIdInput)
      .mutation(({ ctx, input }) => resetSecondFactor(ctx.db, ctx.actor, input.userId)),
    throttled: adminProcedure.input(noInput).query(({ ctx }) => listThrottled(ctx.db)),
    unthrottle: adminProcedure
      .input(unthrottleInput)
      .mutation(({ ctx, input }) => unthrottleIdentifier(ctx.db, ctx.actor, input)),
  }),

  /** Text messages sent, newest first, with their status: the development outbox lives here. */
  sms: createTRPCRouter({
    list: adminProcedure.input(listSmsInput).query(({ ctx, input }) => listSms(ctx.db, input)),
  }),

  audit: createTRPCRouter({
    list: adminProcedure.input(listAuditInput).query(({ ctx, input }) => listAuditEntries(ctx.db, input)),
    facets: adminProcedure.input(noInput).query(({ ctx }) => getAuditFacets(ctx.db)),
  }),

  reports: createTRPCRouter({
    overview: adminProcedure.input(reportRangeInput).query(({ ctx, input }) => getReportOverview(ctx.db, input)),
    timeline: adminProcedure.input(reportRangeInput).query(({ ctx, input }) => getReportTimeline(ctx.db, input)),
    exportCsv: adminProcedure
      .input(exportReportInput)
      .query(({ ctx, input }) => exportReportCsv(ctx.db, input, input.locale ?? ctx.locale)),
  }),
});
