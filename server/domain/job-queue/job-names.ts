/** Every job the queue knows, with its payload. Handlers are in server/jobs/tasks.ts. */
export type JobPayloads = {
  "auth:cleanup": Record<string, never>;
  /** One customer's value score (after a payment, a new line, an overdue bill), or everyone's without an id. */
  "value:recompute": { customerId?: string };
  /** Raises the priority of requests near their SLA due time and flags breaches. */
  "sla:watch": Record<string, never>;
  /** Closes resolved requests past the reopen window and abandoned self-service requests. */
  "request:close-finished": Record<string, never>;
  /** Lapsed number reservations of dealers go back to the pool. */
  "numbers:release-expired": Record<string, never>;
  /** Web push of one notification to its user's devices (`subscriptionIds`: a retry for just those). */
  "push:send": { notificationId: string; subscriptionIds?: string[]; attempt?: number };
  /** Bills every customer whose cycle ended by the run time and has no bill for it yet. */
  "billing:run": { at?: string };
  /** Bills a slice of customers for one period (fanned out by billing:run). */
  "billing:batch": { periodStart: string; customerIds: string[] };
  "billing:mark-overdue": Record<string, never>;
  /** A scheduled (NEXT_CYCLE) tariff change, run at its effective time. */
  "tariff:apply-change": { changeId: string };
  /** Safety net: applies any scheduled change whose time has passed. */
  "tariff:apply-due": Record<string, never>;
  /** Renews monthly add-ons with auto-renewal on and expires the rest (addon/addon-renewal.service.ts). */
  "addons:renew-due": Record<string, never>;
  /** Settles PENDING payments left by a crash and UNKNOWN ones by asking the provider (payment/reconcile.service.ts). */
  "payments:reconcile": Record<string, never>;
  /** Sends one queued text message (its row holds the number and the text; the payload only its id). */
  "sms:send": { messageId: string };
  /** One autopay attempt on a new bill (payment/autopay.service.ts); the bill and attempt make the payment's key. */
  "autopay:charge": { billId: string; attempt: number };
  /** Sends one provisioning command to the network (a retry is a new job run at its nextAttemptAt). */
  "provisioning:send": { commandId: string };
  /** Voluntary suspensions whose chosen day has come get their RESUME command. */
  "line:resume-due": Record<string, never>;
  /** Checks the spend of these lines against their caps (after a purchase or a usage batch): alerts at 80% / 100%, bar at 100%. */
  "spend:check": { lineIds: string[] };
  /** Barred lines whose billing cycle turned get their SPEND_UNBAR (spend/spend.service.ts). */
  "spend:cycle-reset": Record<string, never>;
  /** Tells the people an incident's update concerns: every affected subscriber when declared, subscribers after (issue 17). */
  "incident:notify": { incidentId: string; updateId: string };
  /** Credits a resolved incident's lines out of service past the policy's threshold, once per line (issue 17). */
  "incident:credits": { incidentId: string };
};

export type JobName = keyof JobPayloads;
