"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/**
 * Tells screen-reader users which page they navigated to. It replaces Next.js's built-in
 * announcer (hidden in globals.css), which uses role="alert": a second, empty alert on every
 * page makes "the alert" ambiguous for assistive tech and for tests.
 */
export function RouteAnnouncer() {
  const pathname = usePathname();
  const [message, setMessage] = useState("");
  const previousPathname = useRef(pathname);

  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    // The new page's title is set after this commit; read it on the next frame.
    const frame = requestAnimationFrame(() => {
      setMessage(document.title || document.querySelector("h1")?.textContent || pathname);
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

  return (
    <p role="status" aria-live="polite" aria-atomic="true" className="sr-only">
      {message}
    </p>
  );
}
