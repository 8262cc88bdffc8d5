import type signIn from "@/messages/en/signIn.json";

/** The seeded demo logins of the public contract (DESIGN.md); shown as a hint on sign-in. */
export const DEMO_PASSWORD = "selfcare-demo";

export const DEMO_ACCOUNTS: { identifier: string; descriptionKey: keyof (typeof signIn)["demoAccounts"] }[] = [
  { identifier: "+79001000001", descriptionKey: "platinum" },
  { identifier: "+79001000002", descriptionKey: "bronze" },
  { identifier: "+79001000003", descriptionKey: "silver" },
  { identifier: "agent1@selfcare.test", descriptionKey: "agent" },
  { identifier: "dealer1@selfcare.test", descriptionKey: "dealer" },
  { identifier: "admin@selfcare.test", descriptionKey: "admin" },
];
