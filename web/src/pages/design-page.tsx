/** @module web/pages/design-page — a system file or kubectl export in → the platform, its diagram and the RuntimeClass manifests (POST /api/design). */
import { type ChangeEvent, type FormEvent, useState } from "react";
import { ErrorBox } from "../components/error-box.js";
import { Field } from "../components/field.js";
import { Link } from "../components/link.js";
import { Loading } from "../components/loading.js";
import { MermaidDiagram } from "../components/mermaid-diagram.js";
import { api } from "../lib/api.js";
import { ApiError } from "../lib/api-error.js";
import { useLang } from "../lib/i18n.js";
import { keyed } from "../lib/keyed.js";

interface Ref {
  id: string;
  name?: string;
}
/** The answer, read loosely: the design route's contract is not fixed yet. */
interface DesignResult {
  platform?: {
    label?: string;
    coordinate?: { text: string };
    components?: Record<string, Ref | Ref[] | null>;
    runtimes?: Ref[];
  };
  workloads?: { name: string; runtime?: Ref | string; reason?: string; runtimeClass?: string }[];
  conflicts?: ({ text?: string; reason?: string } | string)[];
  diagram?: string | { mermaid?: string; dot?: string };
  manifests?: (string | { name?: string; yaml: string })[] | string;
  runtimeClasses?: (string | { name?: string; yaml: string })[];
}

const MAX_BYTES = 1024 * 1024;

export default function DesignPage() {
  const { lang, t } = useLang();
  const [text, setText] = useState("");
  const [state, setState] = useState<{ data?: DesignResult; error?: ApiError; loading?: boolean }>({});

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f) return;
    if (f.size > MAX_BYTES) {
      setState({ error: new ApiError(413, "TOO_LARGE", `${f.name} is over 1 MiB`) });
      return;
    }
    setText(await f.text());
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setState({ loading: true });
    api<DesignResult>("/api/design", { lang, body: { system: text } })
      .then((data) => setState({ data }))
      .catch((err: unknown) =>
        setState({ error: err instanceof ApiError ? err : new ApiError(0, "CLIENT", String(err)) }),
      );
  };

  return (
    <div className="page design" data-testid="design-page">
      <h1>{t("designTitle")}</h1>
      <form onSubmit={submit} className="design-form">
        <p className="hint" id="design-help">
          {t("designHelp")}
        </p>
        <Field id="design-text" label={t("systemFile")}>
          <textarea
            id="design-text"
            rows={14}
            spellCheck={false}
            value={text}
            aria-describedby="design-help"
            onChange={(e) => setText(e.target.value)}
            placeholder={"workloads:\n  - name: inference\n    must: { gpu: true, untrustedCode: true }"}
          />
        </Field>
        <Field id="design-file" className="inline" label={t("upload")}>
          <input id="design-file" type="file" accept=".yaml,.yml,.json,.txt" onChange={upload} />
        </Field>
        <button type="submit" className="primary" disabled={!text.trim()} data-testid="design-submit">
          {t("designSubmit")}
        </button>
      </form>
      <section aria-live="polite">
        {state.loading && <Loading />}
        {state.error && <ErrorBox error={state.error} />}
        {state.data && <DesignView d={state.data} />}
      </section>
    </div>
  );
}

function Manifest({ yaml, name }: { yaml: string; name?: string | undefined }) {
  const { t } = useLang();
  const [copied, setCopied] = useState(false);
  return (
    <figure className="manifest">
      {name && <figcaption>{name}</figcaption>}
      <pre>
        <code>{yaml}</code>
      </pre>
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard?.writeText(yaml).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? t("copied") : t("copy")}
      </button>
    </figure>
  );
}

function DesignView({ d }: { d: DesignResult }) {
  const { t } = useLang();
  const manifests = [
    ...(Array.isArray(d.manifests) ? d.manifests : d.manifests ? [d.manifests] : []),
    ...(d.runtimeClasses ?? []),
  ].map((m) => (typeof m === "string" ? { yaml: m, name: undefined } : { yaml: m.yaml, name: m.name }));
  const diagram = typeof d.diagram === "string" ? d.diagram : d.diagram?.mermaid;
  const comps = Object.entries(d.platform?.components ?? {});
  return (
    <div data-testid="design-result">
      <h2>{t("platform")}</h2>
      {d.platform?.label && <p className="big">{d.platform.label}</p>}
      {d.platform?.coordinate && <p className="mono">{d.platform.coordinate.text}</p>}
      {comps.length > 0 && (
        <ul>
          {comps.map(([slot, v]) => (
            <li key={slot}>
              {slot}:{" "}
              {(Array.isArray(v) ? v : v ? [v] : []).map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ", "}
                  <Link to={`/technology/${encodeURIComponent(r.id)}`}>{r.name ?? r.id}</Link>
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      {d.workloads && d.workloads.length > 0 && (
        <>
          <h3>{t("workloads")}</h3>
          <ul>
            {d.workloads.map((w) => (
              <li key={w.name}>
                <strong>{w.name}</strong> →{" "}
                {typeof w.runtime === "string" ? w.runtime : (w.runtime?.name ?? w.runtime?.id)}
                {w.runtimeClass && <code> runtimeClassName: {w.runtimeClass}</code>}
                {w.reason && <span className="hint"> — {w.reason}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {d.conflicts && d.conflicts.length > 0 && (
        <>
          <h3>{t("conflicts")}</h3>
          <ul>
            {keyed(d.conflicts).map(([i, c]) => (
              <li key={i}>{typeof c === "string" ? c : (c.text ?? c.reason)}</li>
            ))}
          </ul>
        </>
      )}
      {diagram && (
        <>
          <h3>{t("diagram")}</h3>
          <MermaidDiagram source={diagram} label={`${t("diagram")}: ${d.platform?.label ?? ""}`} />
        </>
      )}
      {manifests.length > 0 && (
        <>
          <h3>{t("manifests")}</h3>
          {keyed(manifests).map(([i, m]) => (
            <Manifest key={i} yaml={m.yaml} name={m.name} />
          ))}
        </>
      )}
    </div>
  );
}
