-- Network provisioning (issue 16): every change to what a line may do is a command the network
-- applies: the `provisioning:send` job sends it through the NetworkProvisioning port, retries with
-- backoff and flags it for an agent when it keeps failing. The simulated network keeps the ids of
-- the commands it applied, so a retry after a timeout applies once. Lines can be BLOCKED (lost or
-- stolen) and carry the end of a voluntary suspension.
-- AlterEnum
ALTER TYPE "LineStatus" ADD VALUE 'BLOCKED' BEFORE 'SUSPENDED';

-- AlterEnum
ALTER TYPE "OneTimeCodePurpose" ADD VALUE 'UNBLOCK_LINE';

-- CreateEnum
CREATE TYPE "ProvisioningKind" AS ENUM ('BLOCK', 'UNBLOCK', 'SUSPEND', 'RESUME', 'ADDON_ON', 'ADDON_OFF', 'TARIFF_CHANGE', 'SIM_SWAP', 'SPEND_BAR', 'SPEND_UNBAR');

-- CreateEnum
CREATE TYPE "ProvisioningStatus" AS ENUM ('PENDING', 'SENT', 'DONE', 'FAILED', 'NEEDS_AGENT');

-- AlterTable
ALTER TABLE "Line" ADD COLUMN     "suspendedUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ProvisioningCommand" (
    "id" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "kind" "ProvisioningKind" NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "ProvisioningStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastError" TEXT,
    "sourceKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "ProvisioningCommand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SimulatedNetworkApply" (
    "commandId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SimulatedNetworkApply_pkey" PRIMARY KEY ("commandId")
);

-- CreateIndex
CREATE INDEX "ProvisioningCommand_lineId_status_idx" ON "ProvisioningCommand"("lineId", "status");

-- CreateIndex
CREATE INDEX "ProvisioningCommand_status_nextAttemptAt_idx" ON "ProvisioningCommand"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProvisioningCommand_lineId_sourceKey_key" ON "ProvisioningCommand"("lineId", "sourceKey");

-- AddForeignKey
ALTER TABLE "ProvisioningCommand" ADD CONSTRAINT "ProvisioningCommand_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "Line"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
