-- Dealers sell home internet as well as SIM cards: an order has a service kind, a pool number
-- only for MOBILE, and the line it created (a home-internet line has no number to find it by).
ALTER TABLE "Order" ADD COLUMN "kind" "ServiceKind" NOT NULL DEFAULT 'MOBILE';
ALTER TABLE "Order" ALTER COLUMN "msisdn" DROP NOT NULL;
ALTER TABLE "Order" ADD COLUMN "lineId" TEXT;
ALTER TABLE "Order" ADD CONSTRAINT "Order_mobile_has_msisdn_check" CHECK ("kind" <> 'MOBILE' OR "msisdn" IS NOT NULL);

CREATE UNIQUE INDEX "Order_lineId_key" ON "Order"("lineId");
ALTER TABLE "Order" ADD CONSTRAINT "Order_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "Line"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Abuse limits (rate-limiter-flexible's Prisma store): counters shared by every app instance.
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");
