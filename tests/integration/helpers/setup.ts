import { afterAll, beforeAll } from "vitest";
import { closeTestDatabase, openTestDatabase } from "./db";

beforeAll(async () => {
  await openTestDatabase();
});

afterAll(async () => {
  await closeTestDatabase();
});
