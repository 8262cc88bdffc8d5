import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export type Me = RouterOutputs["me"]["get"];
export type Role = Me["role"];
export type AccountSummary = RouterOutputs["account"]["summary"];
export type AccountLine = AccountSummary["lines"][number];
