"use client";

import { redirect, usePathname, useSearchParams } from "next/navigation";

/**
 * Sends a visitor without a session to sign in and back. A layout does not know the URL it
 * renders, so this reads it on the client side of the tree; on first load the redirect still
 * happens on the server.
 */
export function SignInRedirect(): never {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const callbackUrl = query ? `${pathname}?${query}` : pathname;
  return redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
}
