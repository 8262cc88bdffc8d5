-- Issue 17: network incidents, the lines they touch, subscriptions to their updates, outage credits,
-- and where each line's service lives.

-- CreateEnum
CREATE TYPE "IncidentService" AS ENUM ('VOICE', 'SMS', 'MOBILE_DATA', 'HOME_INTERNET');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('ACTIVE', 'RESOLVED');

-- AlterTable
ALTER TABLE "Line" ADD COLUMN     "accessNode" TEXT,
ADD COLUMN     "building" TEXT,
ADD COLUMN     "cells" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "serviceRegion" TEXT NOT NULL DEFAULT 'MOW';

-- AlterTable
ALTER TABLE "ServiceRequest" ADD COLUMN     "incidentId" TEXT;

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "externalId" TEXT,
    "services" "IncidentService"[],
    "regions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "cells" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "nodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "buildings" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "IncidentStatus" NOT NULL DEFAULT 'ACTIVE',
    "startedAt" TIMESTAMP(3) NOT NULL,
    "etaAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "messageRu" TEXT NOT NULL,
    "messageEn" TEXT NOT NULL,
    "affectedLines" INTEGER NOT NULL DEFAULT 0,
    "declaredById" TEXT,
    "creditsIssuedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentUpdate" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "messageRu" TEXT NOT NULL,
    "messageEn" TEXT NOT NULL,
    "etaAt" TIMESTAMP(3),
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentLine" (
    "incidentId" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,

    CONSTRAINT "IncidentLine_pkey" PRIMARY KEY ("incidentId","lineId")
);

-- CreateTable
CREATE TABLE "IncidentSubscription" (
    "incidentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentSubscription_pkey" PRIMARY KEY ("incidentId","userId")
);

-- CreateTable
CREATE TABLE "OutageCredit" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "billLineId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutageCredit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Line_serviceRegion_idx" ON "Line"("serviceRegion");

-- CreateIndex
CREATE INDEX "Line_cells_idx" ON "Line" USING GIN ("cells");

-- CreateIndex
CREATE INDEX "Line_accessNode_idx" ON "Line"("accessNode");

-- CreateIndex
CREATE INDEX "Line_building_idx" ON "Line"("building");

-- CreateIndex
CREATE INDEX "ServiceRequest_incidentId_idx" ON "ServiceRequest"("incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_number_key" ON "Incident"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_externalId_key" ON "Incident"("externalId");

-- CreateIndex
CREATE INDEX "Incident_status_startedAt_idx" ON "Incident"("status", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "Incident_startedAt_idx" ON "Incident"("startedAt");

-- CreateIndex
CREATE INDEX "IncidentUpdate_incidentId_at_idx" ON "IncidentUpdate"("incidentId", "at");

-- CreateIndex
CREATE INDEX "IncidentLine_lineId_idx" ON "IncidentLine"("lineId");

-- CreateIndex
CREATE INDEX "IncidentLine_customerId_idx" ON "IncidentLine"("customerId");

-- CreateIndex
CREATE INDEX "IncidentSubscription_userId_idx" ON "IncidentSubscription"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "OutageCredit_billLineId_key" ON "OutageCredit"("billLineId");

-- CreateIndex
CREATE INDEX "OutageCredit_customerId_billLineId_idx" ON "OutageCredit"("customerId", "billLineId");

-- CreateIndex
CREATE INDEX "OutageCredit_createdAt_idx" ON "OutageCredit"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutageCredit_incidentId_lineId_key" ON "OutageCredit"("incidentId", "lineId");

-- AddForeignKey
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_declaredById_fkey" FOREIGN KEY ("declaredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentUpdate" ADD CONSTRAINT "IncidentUpdate_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentLine" ADD CONSTRAINT "IncidentLine_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentLine" ADD CONSTRAINT "IncidentLine_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "Line"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentSubscription" ADD CONSTRAINT "IncidentSubscription_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentSubscription" ADD CONSTRAINT "IncidentSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutageCredit" ADD CONSTRAINT "OutageCredit_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutageCredit" ADD CONSTRAINT "OutageCredit_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "Line"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
