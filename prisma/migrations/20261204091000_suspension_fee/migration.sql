-- The fee of a voluntary suspension (issue 16) is charged once, by the bill run, as a bill line the
-- suspension's provisioning command points at.
-- AlterTable
ALTER TABLE "ProvisioningCommand" ADD COLUMN     "billLineId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ProvisioningCommand_billLineId_key" ON "ProvisioningCommand"("billLineId");

-- AddForeignKey
ALTER TABLE "ProvisioningCommand" ADD CONSTRAINT "ProvisioningCommand_billLineId_fkey" FOREIGN KEY ("billLineId") REFERENCES "BillLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;
