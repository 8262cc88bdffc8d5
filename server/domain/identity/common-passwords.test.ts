import { describe, expect, it } from "vitest";
import { assertAcceptablePassword, isGuessablePassword } from "./common-passwords";
import { newPasswordSchema, PASSWORD_MESSAGES } from "./password.schema";

describe("new passwords (NIST SP 800-63B)", () => {
  it.each([
    ["", PASSWORD_MESSAGES.tooShort],
    ["1234567", PASSWORD_MESSAGES.tooShort],
    ["x".repeat(129), PASSWORD_MESSAGES.tooLong],
  ])("refuses %j by length", (password, message) => {
    const result = newPasswordSchema.safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it.each(["abcdefgh", "ALLLOWERCASEORUPPER", "no digits or symbols at all", "x".repeat(128), "пароль-из-слов"])(
    "has no composition rules: %j passes the schema",
    (password) => expect(newPasswordSchema.safeParse(password).success).toBe(true),
  );

  it.each([
    ["password", true],
    ["Password1", true],
    ["qwertyuiop", true],
    ["12345678", true],
    [" iloveyou ", true],
    ["aaaaaaaa", true],
    ["ююююююююю", true],
    ["selfcare", true],
    ["SelfCare", true],
    ["correct horse battery staple", false],
    ["tundra-violin-41", false],
    ["selfcare-demo", false],
  ])("common or repeated %j: %s", (password, guessable) => {
    expect(isGuessablePassword(password)).toBe(guessable);
  });

  it.each([
    ["+79001000001", "79001000001", true],
    ["+79001000001", "9001000001", true],
    ["ivan@example.com", "Ivan@Example.com", true],
    ["+79001000001", "9001000002", false],
  ])("the account's own word %j: %j guessable %s", (word, password, guessable) => {
    expect(isGuessablePassword(password, [word])).toBe(guessable);
  });

  it("answers BAD_REQUEST on the named field", () => {
    expect(() => assertAcceptablePassword("password1", "newPassword")).toThrow(
      expect.objectContaining({ code: "BAD_REQUEST", fields: { newPassword: PASSWORD_MESSAGES.common } }),
    );
    expect(() => assertAcceptablePassword("tundra-violin-41", "newPassword")).not.toThrow();
  });
});
