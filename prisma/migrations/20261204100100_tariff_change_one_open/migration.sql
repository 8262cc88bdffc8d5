-- One open change per line: scheduled (PENDING) or on its way through the network (PROVISIONING).
DROP INDEX "TariffChange_one_pending_per_line";
CREATE UNIQUE INDEX "TariffChange_one_pending_per_line" ON "TariffChange"("lineId") WHERE "status" IN ('PENDING', 'PROVISIONING');
