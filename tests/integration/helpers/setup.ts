import { afterAll, beforeAll, expect } from "vitest";
import { closeTestDatabase, openTestDatabase } from "./db";
import { toHaveTRPCCode } from "./trpc-errors";

expect.extend({ toHaveTRPCCode });

beforeAll(async () => {
  await openTestDatabase();
});

afterAll(async () => {
  await closeTestDatabase();
});
