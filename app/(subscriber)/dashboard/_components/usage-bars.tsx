"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type UsageDay = { date: string; minutes: number; sms: number; dataMb: number };
export type UsageResource = "minutes" | "sms" | "dataMb";

type UsageBarsProps = {
  days: UsageDay[];
  resource: UsageResource;
  resourceLabel: string;
  formatValue: (value: number) => string;
  formatTick: (date: string) => string;
  formatDay: (date: string) => string;
};

/**
 * The bars of the usage chart (recharts). Loaded on its own, after the page, when the chart comes
 * into view: recharts is most of a dashboard's JavaScript and nothing above it waits for it.
 */
export function UsageBars({ days, resource, resourceLabel, formatValue, formatTick, formatDay }: UsageBarsProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={days} margin={{ top: 4, right: 0, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis
          dataKey="date"
          tickFormatter={formatTick}
          tick={{ fontSize: 11, fill: "#475569" }}
          interval="preserveStartEnd"
          minTickGap={24}
          tickLine={false}
        />
        <YAxis tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} width={48} />
        <Tooltip
          formatter={(value) => [formatValue(Number(value)), resourceLabel]}
          labelFormatter={(label) => formatDay(String(label))}
          cursor={{ fill: "#eef2ff" }}
        />
        <Bar dataKey={resource} fill="#4f46e5" radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
