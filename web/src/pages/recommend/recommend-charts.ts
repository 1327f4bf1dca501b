/** @module web/pages/recommend/recommend-charts — the Recommend answer's charts as ECharts options: the radar and the Pareto front. */
import { type DimensionInfo, dimensionLabel } from "../../lib/dimensions.js";
import type { RecommendResult } from "./recommend-results.js";

const RADAR_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"];

/** The top stacks on the seven dimensions, each axis scaled by the dimension's own levels (from /api/dimensions). */
export function radarOption(r: RecommendResult, dims: readonly DimensionInfo[], lang: "en" | "zh") {
  const name = (k: string) =>
    dimensionLabel(
      dims.find((x) => x.key === k),
      k,
      lang,
    );
  const maxOf = (k: string, fallback: number) => {
    const vs =
      dims
        .find((x) => x.key === k)
        ?.levels.map((l) => l.value)
        .filter((x): x is number => x !== undefined) ?? [];
    return vs.length > 0 ? Math.max(...vs) : fallback;
  };
  const years = r.stacks.map((s) => (typeof s.coordinate.T === "number" ? s.coordinate.T : r.requirements.year));
  const tMin = Math.min(...years, r.requirements.year) - 10;
  const oCount = dims.find((x) => x.key === "O")?.levels.length ?? 5;
  const scenario = r.requirements.scenario?.id;
  const indicator = [
    { name: name("D"), max: maxOf("D", 4), min: 0 },
    { name: name("X"), max: maxOf("X", 4), min: 0 },
    { name: name("Z"), max: maxOf("Z", 4), min: 0 },
    { name: name("T"), max: r.requirements.year, min: tMin },
    { name: name("A"), max: maxOf("A", 7), min: 0 },
    { name: name("S"), max: 1, min: 0 },
    { name: name("O"), max: oCount, min: 0 },
  ];
  const top = r.stacks.slice(0, 5);
  return {
    tooltip: { trigger: "item" },
    legend: { bottom: 0, type: "scroll" },
    radar: { indicator, radius: "62%", center: ["50%", "48%"], axisName: { color: "#1b1f24" } },
    series: [
      {
        type: "radar",
        data: top.map((s, i) => ({
          name: `#${s.rank} ${s.label}`,
          value: [
            s.coordinate.D ?? 0,
            s.coordinate.X ?? 0,
            s.coordinate.Z ?? 0,
            s.coordinate.T ?? r.requirements.year,
            s.coordinate.A ?? 0,
            scenario !== undefined && s.coordinate.S === scenario ? 1 : 0,
            Array.isArray(s.coordinate.O) ? s.coordinate.O.length : 0,
          ],
          lineStyle: { color: RADAR_COLORS[i], width: i === 0 ? 3 : 1.5 },
          itemStyle: { color: RADAR_COLORS[i] },
          areaStyle: i === 0 ? { color: RADAR_COLORS[0], opacity: 0.12 } : undefined,
        })),
      },
    ],
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
