"use client";

import { useLocale } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Point = { label: string; count: number };

/** A bar chart of registrations; the same numbers are in a table next to it for screen readers. */
export function FiguresChart({ points, seriesName }: { points: Point[]; seriesName: string }) {
  const locale = useLocale();
  return (
    <div aria-hidden="true" className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 4, bottom: 0, left: -24 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={12} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} width={48} />
          <Tooltip
            cursor={{ fill: "#eef2ff" }}
            formatter={(value) => [new Intl.NumberFormat(locale).format(Number(value)), seriesName]}
            contentStyle={{ borderRadius: 8, borderColor: "#cbd5e1", fontSize: 13 }}
          />
          <Bar dataKey="count" name={seriesName} fill="#4f46e5" radius={[4, 4, 0, 0]} maxBarSize={28} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
