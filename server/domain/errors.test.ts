import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./errors";

/** The shapes a database restart takes by the time it reaches a procedure (seen in `npm run chaos`). */
describe("isDatabaseUnavailable", () => {
  it("knows a pooled client that the restart broke, wrapped by Prisma", () => {
    const broken = new Error("Client has encountered a connection error and is not queryable");
    expect(isDatabaseUnavailable(broken)).toBe(true);
    expect(isDatabaseUnavailable({ message: "Invalid invocation", cause: broken })).toBe(true);
  });

  it("knows a pool so busy that a transaction could not get a connection in time (Prisma's P2028)", () => {
    const busy = { code: "P2028", message: "Transaction API error: Unable to start a transaction in the given time." };
    expect(isDatabaseUnavailable(busy)).toBe(true);
  });

  it("knows PostgreSQL shutting down or starting, and a refused connection, under Prisma's adapter error", () => {
    const shuttingDown = { code: "57P01", message: "terminating connection due to administrator command" };
    expect(isDatabaseUnavailable({ meta: { driverAdapterError: { cause: shuttingDown } } })).toBe(true);
    expect(isDatabaseUnavailable({ code: "57P03", message: "the database system is starting up" })).toBe(true);
    expect(isDatabaseUnavailable({ code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:5432" })).toBe(true);
  });

  it("leaves the errors that are the request's or the code's own to answer as such", () => {
    expect(isDatabaseUnavailable({ code: "23505", message: "duplicate key value violates unique constraint" })).toBe(
      false,
    );
    expect(isDatabaseUnavailable({ code: "22021", message: "invalid byte sequence for encoding" })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
