-- SIM replacement (issue 16): a new physical SIM picked up at a dealer, or an eSIM whose
-- activation code is shown once. The line keeps the ICCID of the SIM the network serves it on,
-- changed when the SIM_SWAP command is DONE (the old SIM stops then, not before).
-- Authored with prisma migrate diff --from-schema-datamodel (the previous schema) --script.
-- CreateEnum
CREATE TYPE "SimKind" AS ENUM ('PHYSICAL', 'ESIM');

-- CreateEnum
CREATE TYPE "SimReplacementStatus" AS ENUM ('AWAITING_PICKUP', 'READY', 'ACTIVATING', 'ACTIVE', 'CANCELLED');

-- AlterTable
ALTER TABLE "Line" ADD COLUMN     "iccid" TEXT;

-- CreateTable
CREATE TABLE "SimReplacement" (
    "id" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "kind" "SimKind" NOT NULL,
    "status" "SimReplacementStatus" NOT NULL,
    "iccid" TEXT,
    "previousIccid" TEXT,
    "smdpAddress" TEXT,
    "matchingId" TEXT,
    "downloadedAt" TIMESTAMP(3),
    "pickupPartnerId" TEXT,
    "orderedById" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "completedById" TEXT,
    "completedAt" TIMESTAMP(3),
    "activatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SimReplacement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SimReplacement_iccid_key" ON "SimReplacement"("iccid");

-- CreateIndex
CREATE UNIQUE INDEX "SimReplacement_matchingId_key" ON "SimReplacement"("matchingId");

-- CreateIndex
CREATE INDEX "SimReplacement_lineId_createdAt_idx" ON "SimReplacement"("lineId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "SimReplacement_pickupPartnerId_status_idx" ON "SimReplacement"("pickupPartnerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SimReplacement_lineId_idempotencyKey_key" ON "SimReplacement"("lineId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "SimReplacement" ADD CONSTRAINT "SimReplacement_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "Line"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SimReplacement" ADD CONSTRAINT "SimReplacement_pickupPartnerId_fkey" FOREIGN KEY ("pickupPartnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- One replacement in progress per line, also when two orders race (the line lock serializes them first).
CREATE UNIQUE INDEX "SimReplacement_one_open_per_line" ON "SimReplacement"("lineId") WHERE "status" IN ('AWAITING_PICKUP', 'READY', 'ACTIVATING');
