-- Spending limit per line (issue 16): the cap, the bar, and the alerts sent per cycle
-- AlterTable
ALTER TABLE "Line" ADD COLUMN     "spendBarredAt" TIMESTAMP(3),
ADD COLUMN     "spendLimitCents" INTEGER;

-- CreateTable
CREATE TABLE "SpendAlert" (
    "id" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "cycleStart" TIMESTAMP(3) NOT NULL,
    "threshold" INTEGER NOT NULL,
    "limitCents" INTEGER NOT NULL,
    "spentCents" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpendAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SpendAlert_lineId_cycleStart_threshold_key" ON "SpendAlert"("lineId", "cycleStart", "threshold");

-- AddForeignKey
ALTER TABLE "SpendAlert" ADD CONSTRAINT "SpendAlert_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "Line"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A cap is never negative
ALTER TABLE "Line" ADD CONSTRAINT "Line_spend_limit_not_negative" CHECK ("spendLimitCents" IS NULL OR "spendLimitCents" >= 0);
