/** @module web/components/sigma-graph — the network drawn by sigma (WebGL); loaded with the atlas page only. */
import Graph from "graphology";
import { useEffect, useRef } from "react";
import Sigma from "sigma";
import type { AtlasGraph, Position } from "../lib/graph-data.js";

export interface SigmaGraphProps {
  readonly graph: AtlasGraph;
  readonly positions: ReadonlyMap<string, Position>;
  readonly colors: ReadonlyMap<string, string>;
  readonly labels: ReadonlyMap<string, string>;
  readonly sizes: ReadonlyMap<string, number>;
  /** Nodes shown; the rest are hidden (filters, the year slider). */
  readonly visible: ReadonlySet<string>;
  /** Search matches, drawn strong while the rest fade; null when there is no search. */
  readonly highlighted: ReadonlySet<string> | null;
  readonly selected: string | null;
  readonly onSelect: (id: string | null) => void;
  readonly label: string;
}

const FADED = "#d9dde3";

declare global {
  interface Window {
    /** For the end-to-end tests: where a node is drawn, in CSS pixels from the graph's top-left corner. */
    stackatlasAtlas?: { nodePosition(id: string): { x: number; y: number } | undefined; firstFrameMs: number };
  }
}

export default function SigmaGraph(props: SigmaGraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma | undefined>(undefined);
  const graphRef = useRef<Graph | undefined>(undefined);
  const propsRef = useRef(props);
  propsRef.current = props;

  // The graphology graph and the renderer: built once per graph answer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the renderer reads props through a ref; these inputs only say when to redraw
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const t0 = performance.now();
    performance.mark("atlas:sigma-start");
    const p = propsRef.current;
    const g = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
    for (const n of p.graph.nodes) {
      const pos = p.positions.get(n.id) ?? { x: 0, y: 0 };
      g.addNode(n.id, {
        x: pos.x,
        y: pos.y,
        size: p.sizes.get(n.id) ?? 3,
        color: p.colors.get(n.id) ?? "#888",
        label: p.labels.get(n.id) ?? n.label,
      });
    }
    for (const e of p.graph.edges) {
      if (!g.hasEdge(e.from, e.to))
        g.addDirectedEdge(e.from, e.to, { type: "line", relation: e.type, size: 0.6, color: "#b8c0cc" });
    }
    graphRef.current = g;
    const renderer = new Sigma(g, el, {
      renderEdgeLabels: false,
      defaultEdgeType: "line",
      labelRenderedSizeThreshold: 7,
      labelFont: "system-ui, sans-serif",
      labelSize: 12,
      labelColor: { color: "#1b1f24" },
      zIndex: true,
      minCameraRatio: 0.05,
      maxCameraRatio: 4,
      nodeReducer: (node, data) => {
        const q = propsRef.current;
        const res = { ...data };
        if (!q.visible.has(node)) return { ...res, hidden: true };
        const sel = q.selected;
        if (sel !== null) {
          if (node === sel) return { ...res, highlighted: true, zIndex: 2, forceLabel: true };
          if (!g.areNeighbors(node, sel)) return { ...res, color: FADED, label: "", zIndex: 0 };
          return { ...res, forceLabel: true, zIndex: 1 };
        }
        if (q.highlighted !== null) {
          if (q.highlighted.has(node))
            return { ...res, highlighted: true, forceLabel: q.highlighted.size <= 30, zIndex: 1 };
          return { ...res, color: FADED, label: "", zIndex: 0 };
        }
        return res;
      },
      edgeReducer: (edge, data) => {
        const q = propsRef.current;
        const [s, t] = g.extremities(edge);
        if (!q.visible.has(s) || !q.visible.has(t)) return { ...data, hidden: true };
        if (q.selected !== null) {
          if (s === q.selected || t === q.selected) return { ...data, color: "#4a5563", size: 1.4, zIndex: 1 };
          return { ...data, color: "#eceff3" };
        }
        if (q.highlighted !== null && !(q.highlighted.has(s) && q.highlighted.has(t)))
          return { ...data, color: "#eceff3" };
        return data;
      },
    });
    sigmaRef.current = renderer;
    renderer.on("clickNode", ({ node }) => propsRef.current.onSelect(node));
    renderer.on("clickStage", () => propsRef.current.onSelect(null));
    renderer.on("enterNode", () => {
      el.style.cursor = "pointer";
    });
    renderer.on("leaveNode", () => {
      el.style.cursor = "";
    });
    const firstFrameMs = performance.now() - t0;
    window.stackatlasAtlas = {
      firstFrameMs,
      nodePosition: (id) => {
        const d = renderer.getNodeDisplayData(id);
        if (!d || !g.hasNode(id)) return undefined;
        return renderer.framedGraphToViewport({ x: d.x, y: d.y });
      },
    };
    el.dataset.firstFrameMs = firstFrameMs.toFixed(1);
    requestAnimationFrame(() => {
      // Milliseconds since navigation start when the first frame was on screen (the atlas benchmark reads it).
      el.dataset.readyAt = performance.now().toFixed(1);
      el.dataset.ready = "true";
    });
    return () => {
      renderer.kill();
      sigmaRef.current = undefined;
      graphRef.current = undefined;
      delete window.stackatlasAtlas;
      delete el.dataset.ready;
    };
  }, [props.graph]);

  // Positions, colours, labels and sizes: updated in place.
  useEffect(() => {
    const g = graphRef.current;
    if (!g) return;
    g.updateEachNodeAttributes((id, attr) => {
      const pos = props.positions.get(id);
      return {
        ...attr,
        ...(pos ? { x: pos.x, y: pos.y } : {}),
        color: props.colors.get(id) ?? attr.color,
        label: props.labels.get(id) ?? attr.label,
        size: props.sizes.get(id) ?? attr.size,
      };
    });
  }, [props.positions, props.colors, props.labels, props.sizes]);

  // Layout changes move the camera back to the whole picture.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the renderer reads props through a ref; these inputs only say when to redraw
  useEffect(() => {
    sigmaRef.current?.getCamera().animatedReset({ duration: 300 });
  }, [props.positions]);

  // Filters, search and selection only change how nodes are drawn.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the renderer reads props through a ref; these inputs only say when to redraw
  useEffect(() => {
    sigmaRef.current?.refresh({ skipIndexation: true });
  }, [props.visible, props.highlighted, props.selected]);

  return (
    <div ref={container} className="sigma-container" role="img" aria-label={props.label} data-testid="atlas-graph" />
  );
}
