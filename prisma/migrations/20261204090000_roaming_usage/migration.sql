-- Usage abroad (issue 16): summed per line, day and country, rated against roaming passes of the
-- country's zone and priced at the zone's rates for the rest. Domestic usage stays in UsageRecord.
-- CreateTable
CREATE TABLE "RoamingUsageRecord" (
    "lineId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "country" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL DEFAULT 0,
    "sms" INTEGER NOT NULL DEFAULT 0,
    "dataMb" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RoamingUsageRecord_pkey" PRIMARY KEY ("lineId","date","country")
);

-- AddForeignKey
ALTER TABLE "RoamingUsageRecord" ADD CONSTRAINT "RoamingUsageRecord_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "Line"("id") ON DELETE CASCADE ON UPDATE CASCADE;
