/** @module web/charts/chart — an ECharts chart as a React element; ECharts itself is fetched the first time a chart shows. */
import type { EChartsCoreOption } from "echarts/core";
import { useEffect, useRef } from "react";

type Echarts = typeof import("./echarts-setup.js")["echarts"];
let loading: Promise<Echarts> | undefined;
function loadEcharts(): Promise<Echarts> {
  loading ??= import("./echarts-setup.js").then((m) => m.echarts);
  return loading;
}

/**
 * A chart with an accessible name; `summary` is read by screen readers instead of the canvas.
 * @example <Chart label="Events per year" option={{ xAxis: …, series: … }} />
 */
export function Chart({
  option,
  label,
  height = 320,
  testId,
  onClick,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
  testId?: string;
  onClick?: (params: { data?: unknown; name?: string; seriesName?: string; value?: unknown }) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<Echarts["init"]> | undefined>(undefined);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  // The latest option: one that arrives while ECharts is still loading must not be lost.
  const optionRef = useRef(option);
  optionRef.current = option;

  // The chart is created once, with the option of the moment it is ready; later ones reach it below.
  useEffect(() => {
    let disposed = false;
    let ro: ResizeObserver | undefined;
    void loadEcharts().then((echarts) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer: "canvas" });
      chartRef.current = chart;
      chart.on("click", (p) => clickRef.current?.(p as never));
      ro = new ResizeObserver(() => chart.resize());
      ro.observe(ref.current);
      chart.setOption(withDefaults(optionRef.current), true);
      ref.current.dataset.ready = "true";
    });
    return () => {
      disposed = true;
      ro?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = undefined;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(withDefaults(option), true);
  }, [option]);

  return <div ref={ref} className="chart" role="img" aria-label={label} data-testid={testId} style={{ height }} />;
}

/** Tooltips drawn on the canvas (richText), not as HTML: the page's CSP forbids inline style attributes. */
function withDefaults(option: EChartsCoreOption): EChartsCoreOption {
  const tooltip = (option as { tooltip?: object }).tooltip;
  return {
    animation: false,
    textStyle: { fontFamily: "system-ui, sans-serif" },
    ...option,
    ...(tooltip ? { tooltip: { renderMode: "richText", ...tooltip } } : {}),
  };
}
