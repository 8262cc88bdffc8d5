-- Add-ons and roaming passes (issue 16): a catalogue of data and minute packs and roaming passes by
-- zone, and the purchases of them per line. The bill run charges each purchase once (billLineId).
-- CreateEnum
CREATE TYPE "AddonKind" AS ENUM ('DATA', 'MINUTES', 'ROAMING');

-- CreateEnum
CREATE TYPE "AddonRenewal" AS ENUM ('ONE_OFF', 'MONTHLY');

-- CreateEnum
CREATE TYPE "AddonStatus" AS ENUM ('ACTIVE', 'RETIRED');

-- CreateEnum
CREATE TYPE "LineAddonStatus" AS ENUM ('ACTIVE', 'EXPIRED', 'CANCELLED');

-- CreateTable
CREATE TABLE "RoamingZone" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "countries" TEXT[],
    "mbCents" INTEGER NOT NULL,
    "minuteCents" INTEGER NOT NULL,
    "smsCents" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoamingZone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Addon" (
    "id" TEXT NOT NULL,
    "kind" "AddonKind" NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "priceCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'RUB',
    "dataMb" INTEGER,
    "minutes" INTEGER,
    "validityDays" INTEGER NOT NULL,
    "zoneId" TEXT,
    "eligibleTariffIds" TEXT[],
    "renewal" "AddonRenewal" NOT NULL DEFAULT 'ONE_OFF',
    "status" "AddonStatus" NOT NULL DEFAULT 'ACTIVE',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Addon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LineAddon" (
    "id" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "addonId" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'RUB',
    "dataMb" INTEGER,
    "minutes" INTEGER,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "autoRenew" BOOLEAN NOT NULL DEFAULT false,
    "status" "LineAddonStatus" NOT NULL DEFAULT 'ACTIVE',
    "boughtById" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "channel" "Channel" NOT NULL DEFAULT 'WEB',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),
    "billLineId" TEXT,

    CONSTRAINT "LineAddon_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Addon_kind_status_idx" ON "Addon"("kind", "status");

-- CreateIndex
CREATE UNIQUE INDEX "LineAddon_billLineId_key" ON "LineAddon"("billLineId");

-- CreateIndex
CREATE INDEX "LineAddon_lineId_status_endsAt_idx" ON "LineAddon"("lineId", "status", "endsAt");

-- CreateIndex
CREATE INDEX "LineAddon_customerId_createdAt_idx" ON "LineAddon"("customerId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "LineAddon_boughtById_idempotencyKey_key" ON "LineAddon"("boughtById", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "Addon" ADD CONSTRAINT "Addon_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "RoamingZone"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineAddon" ADD CONSTRAINT "LineAddon_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "Line"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineAddon" ADD CONSTRAINT "LineAddon_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineAddon" ADD CONSTRAINT "LineAddon_addonId_fkey" FOREIGN KEY ("addonId") REFERENCES "Addon"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineAddon" ADD CONSTRAINT "LineAddon_boughtById_fkey" FOREIGN KEY ("boughtById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LineAddon" ADD CONSTRAINT "LineAddon_billLineId_fkey" FOREIGN KEY ("billLineId") REFERENCES "BillLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;

