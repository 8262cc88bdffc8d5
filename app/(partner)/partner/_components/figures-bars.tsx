"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type FiguresPoint = { label: string; count: number };

/** The bars of the registrations chart (recharts), loaded on their own after the page. */
export function FiguresBars({
  points,
  seriesName,
  formatCount,
}: {
  points: FiguresPoint[];
  seriesName: string;
  formatCount: (value: number) => string;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={points} margin={{ top: 8, right: 4, bottom: 0, left: -24 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis
          dataKey="label"
          tick={{ fontSize: 11, fill: "#475569" }}
          tickLine={false}
          axisLine={false}
          interval="preserveStartEnd"
          minTickGap={12}
        />
        <YAxis
          allowDecimals={false}
          tick={{ fontSize: 11, fill: "#475569" }}
          tickLine={false}
          axisLine={false}
          width={48}
        />
        <Tooltip
          cursor={{ fill: "#eef2ff" }}
          formatter={(value) => [formatCount(Number(value)), seriesName]}
          contentStyle={{ borderRadius: 8, borderColor: "#cbd5e1", fontSize: 13 }}
        />
        <Bar
          dataKey="count"
          name={seriesName}
          fill="#4f46e5"
          radius={[4, 4, 0, 0]}
          maxBarSize={28}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
