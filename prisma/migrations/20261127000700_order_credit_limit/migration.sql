-- Partner registration: the credit limit granted by the credit check is kept on the order.
ALTER TABLE "Order" ADD COLUMN "creditLimitCents" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Order" ADD CONSTRAINT "Order_money_not_negative" CHECK ("depositCents" >= 0 AND "creditLimitCents" >= 0);
