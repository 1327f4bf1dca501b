/** @module web/components/mermaid-diagram — a Mermaid diagram drawn as SVG; mermaid loads on first use (its own chunk, never in the first paint). */
import { useEffect, useRef, useState } from "react";
import { useLang } from "../lib/i18n.js";

let renders = 0;

/**
 * Draws `source` with mermaid (strict security: labels are text, no scripts or links); the source stays
 * available to copy below the drawing, and is shown instead if it cannot be drawn.
 * @example <MermaidDiagram source={"flowchart LR\n a --> b"} label="Platform" />
 */
export function MermaidDiagram({ source, label }: { source: string; label: string }) {
  const { t } = useLang();
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  useEffect(() => {
    let current = true;
    setState("loading");
    import("mermaid")
      .then(async ({ default: mermaid }) => {
        mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "neutral" });
        renders += 1;
        const { svg } = await mermaid.render(`mermaid-diagram-${renders}`, source);
        if (!current || !box.current) return;
        box.current.innerHTML = svg;
        setState("ready");
      })
      .catch(() => {
        if (current) setState("failed");
      });
    return () => {
      current = false;
    };
  }, [source]);
  return (
    <figure className="mermaid-figure">
      <div
        ref={box}
        className="diagram"
        role="img"
        aria-label={label}
        data-testid="mermaid-diagram"
        data-ready={state === "ready" ? "true" : "false"}
        hidden={state === "failed"}
      />
      {state === "loading" && <p className="loading">{t("loading")}</p>}
      {state === "failed" && <p className="hint">{t("diagramFailed")}</p>}
      <details open={state === "failed"}>
        <summary>{t("diagramSource")}</summary>
        <pre className="diagram-source">
          <code>{source}</code>
        </pre>
      </details>
    </figure>
  );
}
