import { z } from "zod";
import { idSchema } from "../input.schema";

/** `account.signOutSession`: one of the caller's own sessions, by the id `account.sessions` lists. */
export const signOutSessionInput = z.object({ id: idSchema });
export type SignOutSessionInput = z.infer<typeof signOutSessionInput>;
