-- Nothing reads usage events by line and time (the dashboard, the rating and the bill run read the
-- day totals), and each ingested record paid for an entry in this index at a random place (issue 16).
-- DropIndex
DROP INDEX "UsageEvent_lineId_at_idx";
