import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import type { AppRouter } from "../../server/api/root";
import { callerAs, DEMO } from "./helpers/callers";
import { fieldErrorsOf } from "./helpers/trpc-errors";

const missingBill = async () => (await callerAs(DEMO.silver)).bill.byId({ id: "bil_missing" });

describe("toHaveTRPCCode (registered in setup.ts)", () => {
  it("passes when the call fails with the code, or one of the codes", async () => {
    await expect(missingBill()).toHaveTRPCCode("NOT_FOUND");
    await expect(missingBill()).toHaveTRPCCode(["FORBIDDEN", "NOT_FOUND"]);
    await expect(missingBill()).rejects.toHaveTRPCCode("NOT_FOUND");
    await expect(await missingBill().catch((error: unknown) => error)).toHaveTRPCCode("NOT_FOUND");
    await expect((await callerAs(null)).me.get()).toHaveTRPCCode("UNAUTHORIZED");
  });

  it("fails when the code differs, naming the actual code and message", async () => {
    await expect(expect(missingBill()).toHaveTRPCCode("FORBIDDEN")).rejects.toThrow(
      /expected the call to fail with FORBIDDEN, but it failed with NOT_FOUND: "[^"]*not found"/i,
    );
    await expect(expect(missingBill()).rejects.toHaveTRPCCode("CONFLICT")).rejects.toThrow(/failed with NOT_FOUND/);
  });

  it("shows the fields of a BAD_REQUEST in its failure", async () => {
    const silver = await callerAs(DEMO.silver);
    await expect(expect(silver.bill.list({ limit: 0 })).toHaveTRPCCode("NOT_FOUND")).rejects.toThrow(
      /failed with BAD_REQUEST: \{"limit":"Too small[^"]*"\}$/,
    );
  });

  it("fails when the call succeeds, showing what it returned", async () => {
    const me = (await callerAs(DEMO.silver)).me.get();
    await expect(expect(me).toHaveTRPCCode("NOT_FOUND")).rejects.toThrow(
      /expected the call to fail with NOT_FOUND, but it succeeded with [\s\S]*"role": "SUBSCRIBER"/,
    );
    await expect(expect(Promise.resolve("done")).rejects.toHaveTRPCCode("NOT_FOUND")).rejects.toThrow(/resolved/);
  });

  it("fails on an error that is not a tRPC error, with .not as well", async () => {
    const crash = () => Promise.reject(new TypeError("x is undefined"));
    await expect(expect(crash()).toHaveTRPCCode("NOT_FOUND")).rejects.toThrow(/but it threw .*x is undefined/);
    await expect(expect(crash()).not.toHaveTRPCCode("FORBIDDEN")).rejects.toThrow(/x is undefined/);
  });

  it("with .not, passes on another code or a success, and fails on the code", async () => {
    await expect(missingBill()).not.toHaveTRPCCode("FORBIDDEN");
    await expect((await callerAs(DEMO.silver)).me.get()).not.toHaveTRPCCode("FORBIDDEN");
    await expect(expect(missingBill()).not.toHaveTRPCCode("NOT_FOUND")).rejects.toThrow(
      /expected the call not to fail with NOT_FOUND/,
    );
  });

  it("reads a client's error too (a call over HTTP)", async () => {
    const clientError = TRPCClientError.from<AppRouter>({
      error: { message: "Sign in first", code: -32001, data: { code: "UNAUTHORIZED", httpStatus: 401 } },
    });
    await expect(Promise.reject(clientError)).toHaveTRPCCode("UNAUTHORIZED");
    await expect(expect(Promise.reject(clientError)).toHaveTRPCCode("FORBIDDEN")).rejects.toThrow(
      /failed with UNAUTHORIZED: "Sign in first"/,
    );
  });
});

describe("fieldErrorsOf", () => {
  it("gives the fields of a BAD_REQUEST, and refuses anything else", async () => {
    const silver = await callerAs(DEMO.silver);
    expect(Object.keys(await fieldErrorsOf(silver.bill.list({ limit: 0 })))).toEqual(["limit"]);
    await expect(fieldErrorsOf(silver.bill.list({ limit: 10 }))).rejects.toThrow(/succeeded/);
    await expect(fieldErrorsOf(missingBill())).rejects.toThrow(/not found/i);
  });
});
