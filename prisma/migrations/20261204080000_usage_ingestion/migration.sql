-- Usage from the network (issue 16): records posted to /api/usage are kept by the network's id,
-- so a resent record is not counted twice, and summed into the line's day (UsageRecord).
-- CreateEnum
CREATE TYPE "UsageKind" AS ENUM ('DATA', 'VOICE', 'SMS');

-- CreateTable
CREATE TABLE "UsageEvent" (
    "id" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "kind" "UsageKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "roamingCountry" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UsageEvent_lineId_at_idx" ON "UsageEvent"("lineId", "at");
