-- Service requests: stable codes of the routing reasons (translated by the UI) and the moment the
-- SLA watch raised the priority because the due time was near.
ALTER TABLE "ServiceRequest" ADD COLUMN "routingReasonCodes" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "ServiceRequest" ADD COLUMN "slaWarnedAt" TIMESTAMP(3);

-- The SLA watch looks for requests still waiting for a person whose due time is near or past.
CREATE INDEX "ServiceRequest_sla_watch_idx" ON "ServiceRequest" ("slaDueAt")
  WHERE "slaBreached" = false AND "slaDueAt" IS NOT NULL AND "status" IN ('QUEUED', 'ASSIGNED', 'IN_PROGRESS', 'REOPENED');

-- The bill a billing question or dispute is about, and the disputed amount.
ALTER TABLE "ServiceRequest" ADD COLUMN "billId" TEXT;
ALTER TABLE "ServiceRequest" ADD COLUMN "disputedAmountCents" INTEGER;
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_billId_fkey" FOREIGN KEY ("billId") REFERENCES "Bill"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_disputedAmountCents_positive" CHECK ("disputedAmountCents" IS NULL OR "disputedAmountCents" > 0);
