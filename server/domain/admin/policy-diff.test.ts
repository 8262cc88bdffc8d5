import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTING_POLICY, type RoutingPolicyConfig } from "../routing/policy.schema";
import { changedSettings, isValueModelChange } from "./policy-diff";

function edited(change: (policy: RoutingPolicyConfig) => void): RoutingPolicyConfig {
  const copy = structuredClone(DEFAULT_ROUTING_POLICY);
  change(copy);
  return copy;
}

describe("changedSettings and isValueModelChange", () => {
  const table: { name: string; after: RoutingPolicyConfig; changed: string[]; rescore: boolean }[] = [
    { name: "nothing", after: edited(() => {}), changed: [], rescore: false },
    {
      name: "the SILVER threshold",
      after: edited((p) => (p.segmentThresholds.SILVER = 45)),
      changed: ["segmentThresholds.SILVER"],
      rescore: true,
    },
    {
      name: "two weights",
      after: edited((p) => {
        p.valueWeights.revenue = 0.3;
        p.valueWeights.tenure = 0.2;
      }),
      changed: ["valueWeights.revenue", "valueWeights.tenure"],
      rescore: true,
    },
    {
      name: "the revenue for a full score",
      after: edited((p) => (p.revenueForFullScoreCents = 300_000)),
      changed: ["revenueForFullScoreCents"],
      rescore: true,
    },
    {
      name: "SILVER self-service categories",
      after: edited((p) => (p.selfServiceCategories.SILVER = ["ROAMING"])),
      changed: ["selfServiceCategories.SILVER"],
      rescore: false,
    },
    {
      name: "the same categories in another order",
      after: edited((p) => p.selfServiceCategories.SILVER.reverse()),
      changed: [],
      rescore: false,
    },
    {
      name: "one SLA cell",
      after: edited((p) => (p.slaMinutes.GOLD[2] = 45)),
      changed: ["slaMinutes.GOLD.2"],
      rescore: false,
    },
    {
      name: "costs and the dispute amount",
      after: edited((p) => {
        p.costPerContact.agentCents = 80_000;
        p.billDisputeEscalationCents = 200_000;
      }),
      changed: ["billDisputeEscalationCents", "costPerContact.agentCents"],
      rescore: false,
    },
  ];
  it.each(table)("$name", ({ after, changed, rescore }) => {
    const paths = changedSettings(DEFAULT_ROUTING_POLICY, after);
    expect(paths).toEqual(changed);
    expect(isValueModelChange(paths)).toBe(rescore);
  });
});
