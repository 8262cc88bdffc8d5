import { z } from "zod";

export const listSmsInput = z
  .object({
    /** A phone number in any common form: only the messages to it. */
    to: z.string().trim().max(32).optional(),
    cursor: z.string().max(64).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .optional();

export type ListSmsInput = z.infer<typeof listSmsInput>;
