"use client";

import { useEffect, useRef, useState, type RefObject } from "react";

/**
 * True once the element has come within `margin` of the viewport (and stays true): heavy pieces
 * below the fold, such as charts, load only when the user scrolls towards them.
 */
export function useNearViewport<T extends Element>(margin = "200px"): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [isNear, setIsNear] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element || isNear) return;
    if (typeof IntersectionObserver === "undefined") {
      setIsNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setIsNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [isNear, margin]);

  return [ref, isNear];
}
