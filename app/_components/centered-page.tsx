import type { ReactNode } from "react";
import { BrandLink } from "./brand-link";
import { LocaleSwitch } from "./locale-switch";

/** The frame of pages outside the app shell: sign-in, not found, errors above the shell. */
export function CenteredPage({ isSignedIn = false, children }: { isSignedIn?: boolean; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex h-16 w-full max-w-5xl items-center justify-between gap-3 px-4">
        <BrandLink />
        <LocaleSwitch isSignedIn={isSignedIn} />
      </header>
      <main id="main" tabIndex={-1} className="flex flex-1 flex-col items-center px-4 pt-4 pb-12 outline-none sm:pt-10">
        {children}
      </main>
    </div>
  );
}
