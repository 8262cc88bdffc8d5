import { z } from "zod";

/** `account.signOutSession`: one of the caller's own sessions, by the id `account.sessions` lists. */
export const signOutSessionInput = z.object({ id: z.string().trim().min(1).max(64) });
export type SignOutSessionInput = z.infer<typeof signOutSessionInput>;
