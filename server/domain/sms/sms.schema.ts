import { z } from "zod";
import { cursorSchema, limitSchema, safeText } from "../input.schema";

export const listSmsInput = z
  .object({
    /** A phone number in any common form: only the messages to it. */
    to: safeText({ max: 32 }).optional(),
    cursor: cursorSchema(64).optional(),
    limit: limitSchema(),
  })
  .optional();

export type ListSmsInput = z.infer<typeof listSmsInput>;
