-- Agents find a customer by phone in any form, account number, e-mail or name
-- (server/domain/agent/customer-search.service.ts). Each way is an index lookup, not a scan of
-- every customer.

-- CreateIndex
CREATE INDEX "Customer_phone_idx" ON "Customer"("phone");

-- Not expressible in the Prisma schema: case-insensitive e-mail, and name prefixes typed in any
-- case ("соколов андр"). text_pattern_ops lets LIKE 'prefix%' use the index whatever the
-- database collation.
CREATE INDEX "Customer_email_lower_idx" ON "Customer" (lower("email"));
CREATE INDEX "Customer_lastName_lower_idx" ON "Customer" (lower("lastName") text_pattern_ops);
CREATE INDEX "Customer_firstName_lower_idx" ON "Customer" (lower("firstName") text_pattern_ops);
