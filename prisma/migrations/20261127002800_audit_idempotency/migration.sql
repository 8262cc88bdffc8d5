-- Supervisor mutations carry an idempotency key. The audit entry that records the mutation keeps
-- it, so a retry with the same key finds the entry (and its entity) and answers the same.
ALTER TABLE "AuditLog" ADD COLUMN "idempotencyKey" TEXT;

CREATE UNIQUE INDEX "AuditLog_actorId_idempotencyKey_key" ON "AuditLog"("actorId", "idempotencyKey");
