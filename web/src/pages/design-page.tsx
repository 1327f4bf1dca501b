/** @module web/pages/design-page — a system file or kubectl export in → the platform, its diagram and the RuntimeClass manifests (POST /api/design). */
import { type ChangeEvent, type FormEvent, useState } from "react";
import { ErrorBox } from "../components/error-box.js";
import { Field } from "../components/field.js";
import { Link } from "../components/link.js";
import { Loading } from "../components/loading.js";
import { MermaidDiagram } from "../components/mermaid-diagram.js";
import { api } from "../lib/api.js";
import type { Answer } from "../lib/api-contract.js";
import { ApiError } from "../lib/api-error.js";
import { useLang } from "../lib/i18n.js";
import { keyed } from "../lib/keyed.js";

type DesignResult = Answer<"POST /api/design">;
type Ref = DesignResult["platform"]["components"]["runtimes"][number];

const MAX_BYTES = 1024 * 1024;

/** A small system: a GPU inference service and a plugin host that runs tenants' code. */
const EXAMPLE =
  "workloads:\n  - name: inference\n    must: { gpu: true }\n  - name: plugins\n    must: { untrustedCode: true }\n";

const EXAMPLE_NAME = {
  en: "an AI inference service beside untrusted plugins",
  zh: "AI 推理服务与不可信插件并存",
} as const;

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
    api("POST /api/design", { lang, body: { system: text } })
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
        <p className="examples">
          {t("example")}:{" "}
          <button type="button" className="link-button" onClick={() => setText(EXAMPLE)} data-testid="design-example">
            {EXAMPLE_NAME[lang]}
          </button>
        </p>
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
  const c = d.platform.components;
  const slots: [string, readonly Ref[]][] = [
    ["orchestrator", c.orchestrator ? [c.orchestrator] : []],
    ["runtimes", c.runtimes],
    ["policy", c.policy ? [c.policy] : []],
    ["observability", c.observability],
    ["addons", c.addons],
    ["supporting", c.supporting],
  ];
  return (
    <div data-testid="design-result">
      <h2>{t("platform")}</h2>
      <p className="big">{d.platform.label}</p>
      <ul>
        {slots
          .filter(([, refs]) => refs.length > 0)
          .map(([slot, refs]) => (
            <li key={slot}>
              {slot}:{" "}
              {refs.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ", "}
                  <Link to={`/technology/${encodeURIComponent(r.id)}`}>{r.name}</Link>
                </span>
              ))}
            </li>
          ))}
      </ul>
      {d.workloads.length > 0 && (
        <>
          <h3>{t("workloads")}</h3>
          <ul>
            {d.workloads.map((w) => (
              <li key={`${w.namespace ?? ""}/${w.name}`}>
                <strong>{w.name}</strong> → {w.runtime?.name ?? "—"}
                {w.runtimeClass && <code> runtimeClassName: {w.runtimeClass}</code>}
                {w.reason && <span className="hint"> — {w.reason}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {d.conflicts.length > 0 && (
        <>
          <h3>{t("conflicts")}</h3>
          <ul>
            {keyed(d.conflicts).map(([i, x]) => (
              <li key={i}>{x.text}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t("diagram")}</h3>
      <MermaidDiagram source={d.diagram.mermaid} label={`${t("diagram")}: ${d.platform.label}`} />
      {d.runtimeClasses.length > 0 && (
        <>
          <h3>{t("manifests")}</h3>
          {d.runtimeClasses.map((m) => (
            <Manifest key={m.name} yaml={m.yaml} name={m.name} />
          ))}
        </>
      )}
    </div>
  );
}
