/** @module web/pages/recommend/recommend-charts — the Recommend answer's charts as ECharts options: the scores by term and the Pareto front. */
import type { RecommendResult } from "./recommend-results.js";

/** Okabe–Ito colours, one a scoring term. */
const TERM_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];

/**
 * The top stacks' scores taken apart: a bar per stack, a segment per scoring term (its weight × its value), so
 * what sets the stacks apart is what differs in length.
 */
export function termsOption(r: RecommendResult, termName: (term: string) => string) {
  const top = r.stacks.slice(0, 5);
  const terms = [...new Set(top.flatMap((s) => s.terms.map((x) => x.term)))];
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0, type: "scroll" },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "value", min: 0, max: 1 },
    yAxis: {
      type: "category",
      inverse: true,
      data: top.map((s) => `#${s.rank} ${s.components.runtime.name}`),
      axisLabel: { width: 130, overflow: "truncate" },
    },
    series: terms.map((term, i) => ({
      name: termName(term),
      type: "bar",
      stack: "score",
      itemStyle: { color: TERM_COLORS[i % TERM_COLORS.length] },
      data: top.map((s) => +(s.terms.find((x) => x.term === term)?.contribution ?? 0).toFixed(3)),
    })),
  };
}

/** A point's label on the Pareto chart: the stack's first parts, short enough to sit beside its dot. */
const shortLabel = (label: string) => (label.length <= 22 ? label : `${label.slice(0, 21)}…`);

export function paretoOption(r: RecommendResult, xName: string, yName: string, maturity: string) {
  const pts = r.pareto ?? [];
  return {
    tooltip: {
      trigger: "item",
      formatter: (p: { data: { name: string; value: number[] } }) =>
        `${p.data.name}\n${p.data.value.map((x) => x.toFixed(2)).join(" / ")}`,
    },
    grid: { left: 48, right: 90, top: 16, bottom: 44 },
    xAxis: { type: "value", name: xName, nameLocation: "middle", nameGap: 26, min: 0, max: 1 },
    yAxis: { type: "value", name: yName, min: 0, max: 1 },
    visualMap: {
      dimension: 3,
      min: 0,
      max: 1,
      right: 0,
      top: "middle",
      text: [maturity, ""],
      inRange: { color: ["#E69F00", "#0072B2"] },
      calculable: false,
    },
    series: [
      {
        type: "scatter",
        symbolSize: (v: number[]) => 8 + (v[2] ?? 0) * 18,
        // Each point named beside it; a label that would overlap another is hidden (the tooltip still names it).
        label: {
          show: true,
          position: "right",
          fontSize: 10,
          formatter: (p: { name: string }) => shortLabel(p.name),
        },
        labelLayout: { hideOverlap: true },
        data: pts.map((p) => ({
          name: p.label,
          value: [p.values.startup ?? 0, p.values.footprint ?? 0, p.values.isolation ?? 0, p.values.maturity ?? 0],
        })),
      },
    ],
  };
}
