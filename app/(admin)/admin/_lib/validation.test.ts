import { describe, expect, it } from "vitest";
import { validationKey } from "./validation";

describe("validationKey", () => {
  it.each([
    [undefined, {}, null],
    [{ type: "custom", message: "Weights must add up to 1" }, {}, "weightsSum"],
    [{ type: "custom", message: "Thresholds must fall from PLATINUM to SILVER" }, {}, "thresholdsOrder"],
    [{ type: "invalid_type", message: "Invalid input: expected number, received NaN" }, {}, "number"],
    [{ type: "invalid_type", message: "x" }, { isMoney: true }, "money"],
    [{ type: "too_small", message: "Too small: expected number to be >=1" }, {}, "tooSmall"],
    [{ type: "too_small", message: "At least 3 characters" }, { isText: true }, "tooShort"],
    [{ type: "too_big", message: "Too big" }, { isText: true }, "tooLong"],
    [{ type: "invalid_format", message: "Not an e-mail address" }, {}, "email"],
    [{ type: "whatever", message: "Strange" }, {}, "invalid"],
  ] as const)("%j %j → %s", (error, options, key) => {
    expect(validationKey(error as never, options)).toBe(key);
  });
});
