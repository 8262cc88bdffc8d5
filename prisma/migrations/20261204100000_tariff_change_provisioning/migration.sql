-- A tariff change the network has not confirmed yet (issue 16): the line keeps its tariff until the
-- TARIFF_CHANGE command is DONE. Its own migration, as a new enum value cannot be used in the
-- transaction that adds it.
ALTER TYPE "TariffChangeStatus" ADD VALUE 'PROVISIONING' AFTER 'PENDING';
