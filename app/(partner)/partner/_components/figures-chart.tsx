"use client";

import dynamic from "next/dynamic";
import { useLocale } from "next-intl";
import { useNearViewport } from "@/app/_lib/use-near-viewport";
import type { FiguresPoint } from "./figures-bars";

// recharts loads on its own after the page, and only when the chart comes near the screen; the box
// keeps its height meanwhile, so nothing moves.
const FiguresBars = dynamic(() => import("./figures-bars").then((module) => module.FiguresBars), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded-lg bg-slate-50" />,
});

/** A bar chart of registrations; the same numbers are in a table next to it for screen readers. */
export function FiguresChart({ points, seriesName }: { points: FiguresPoint[]; seriesName: string }) {
  const locale = useLocale();
  const [chartRef, isNearViewport] = useNearViewport<HTMLDivElement>();
  return (
    <div ref={chartRef} aria-hidden="true" className="h-48 w-full">
      {isNearViewport && (
        <FiguresBars
          points={points}
          seriesName={seriesName}
          formatCount={(value) => new Intl.NumberFormat(locale).format(value)}
        />
      )}
    </div>
  );
}
