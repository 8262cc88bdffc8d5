import type { ProvisioningKind } from "@prisma/client";

/** What the network is asked to apply: the command's id makes a repeated request one change. */
export type NetworkCommand = {
  id: string;
  lineId: string;
  msisdn: string | null;
  kind: ProvisioningKind;
  payload: unknown;
};

/**
 * The network's provisioning interface (HLR/HSS, PCRF, charging). `apply` is idempotent by the
 * command's id: applying a command the network already applied answers success and changes nothing.
 * It throws when the network refuses or does not answer in time; the caller retries with the same id.
 */
export type NetworkProvisioning = {
  name: string;
  apply(command: NetworkCommand): Promise<void>;
};
