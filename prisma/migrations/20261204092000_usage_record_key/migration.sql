-- Ingestion upserts a line's day total for nearly every usage record (issue 16). The total is now
-- keyed by (line, day) alone, one index instead of a surrogate id and a unique index, and pages
-- keep 20 % free so an update stays in the same page (a HOT update, no index write).
-- DropIndex
DROP INDEX "UsageRecord_lineId_date_key";

-- AlterTable
ALTER TABLE "UsageRecord" DROP CONSTRAINT "UsageRecord_pkey",
DROP COLUMN "id",
ADD CONSTRAINT "UsageRecord_pkey" PRIMARY KEY ("lineId", "date");

-- Storage
ALTER TABLE "UsageRecord" SET (fillfactor = 80);
