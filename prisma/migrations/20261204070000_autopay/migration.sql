-- Autopay (issue 16): the customer's card on file as the provider's reference, brand and last four
-- digits only, and whether each new bill is paid from it on its issue date.
-- CreateTable
CREATE TABLE "AutopaySetting" (
    "customerId" TEXT NOT NULL,
    "cardRef" TEXT NOT NULL,
    "cardBrand" TEXT NOT NULL,
    "cardLast4" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "changedById" TEXT NOT NULL,
    "channel" "Channel" NOT NULL DEFAULT 'WEB',
    "enabledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AutopaySetting_pkey" PRIMARY KEY ("customerId")
);

-- CreateTable
CREATE TABLE "AutopayAttempt" (
    "billId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AutopayAttempt_pkey" PRIMARY KEY ("billId","attempt")
);

-- AddForeignKey
ALTER TABLE "AutopaySetting" ADD CONSTRAINT "AutopaySetting_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

