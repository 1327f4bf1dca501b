/** @module web/pages/locate-page — a stack in → its coordinate, what it needs, and its conflicts (POST /api/locate). */
import { type FormEvent, useEffect, useState } from "react";
import { AnswerStatus } from "../components/answer-status.js";
import { CliEquivalent } from "../components/cli-equivalent.js";
import { Field } from "../components/field.js";
import { Link } from "../components/link.js";
import { SourceRef } from "../components/source-ref.js";
import { type MessageKey, useLang } from "../lib/i18n.js";
import { setQuery, useLocation } from "../lib/router.js";
import { useApi } from "../lib/use-api.js";

const EXAMPLES = ["K3s + WasmEdge + Gatekeeper", "Kubernetes + Kata Containers + Kyverno", "gVisor + WasmEdge + Kata"];

/** A slot's name in the page's language. */
const SLOTS: Readonly<Record<string, MessageKey>> = {
  runtime: "runtime",
  orchestrator: "orchestrator",
  policy: "policy",
  supporting: "supporting",
};

const tech = (id: string) => <Link to={`/technology/${encodeURIComponent(id)}`}>{id}</Link>;

export default function LocatePage() {
  const { lang, t } = useLang();
  const { query } = useLocation();
  const stack = query.get("stack") ?? "";
  const [text, setText] = useState(stack);
  useEffect(() => setText(stack), [stack]);
  const body = { stack };
  const answer = useApi(stack ? "POST /api/locate" : null, lang, { body });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ stack: text.trim() || null }, true);
  };
  const d = answer.data;
  return (
    <div className="page locate" data-testid="locate-page">
      <h1>{t("locateTitle")}</h1>
      <p className="hint" id="locate-help">
        {t("locateHelp")}
      </p>
      <form className="query-form" onSubmit={submit}>
        <Field id="locate-stack" label={t("stackInput")}>
          <input
            id="locate-stack"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="locate-help"
            placeholder={EXAMPLES[0]}
          />
        </Field>
        <button type="submit" className="primary" data-testid="locate-submit">
          {t("locateSubmit")}
        </button>
      </form>
      <p className="examples">
        {t("example")}:{" "}
        {EXAMPLES.map((x) => (
          <button key={x} type="button" className="link-button" onClick={() => setQuery({ stack: x }, true)}>
            {x}
          </button>
        ))}
      </p>
      <AnswerStatus answer={answer} />
      {d && (
        <section aria-live="polite" data-testid="locate-result">
          <h2>{d.stack.label}</h2>
          <p className="coordinate-big mono" data-testid="locate-coordinate">
            {d.coordinate.text}
          </p>
          <p>
            <span className={d.complete ? "ok" : "bad"}>
              {d.complete ? "✔" : "✘"} {t("complete")}
            </span>{" "}
            ·{" "}
            <span className={d.consistent ? "ok" : "bad"} data-testid="locate-consistent">
              {d.consistent ? "✔" : "✘"} {t("consistent")}
            </span>
          </p>
          <h3>{t("parts")}</h3>
          <ul>
            {d.parts.map((p) => (
              <li key={`${p.slot} ${p.id}`}>
                {tech(p.id)} <span className="tag">{SLOTS[p.slot] ? t(SLOTS[p.slot]!) : p.slot}</span>
              </li>
            ))}
          </ul>
          {(d.rivals.length > 0 || d.conflicts.length > 0 || d.notYetReleased.length > 0) && (
            <>
              <h3>{t("conflicts")}</h3>
              <ul data-testid="locate-conflicts">
                {d.rivals.map((r) => (
                  <li key={`r ${r.slot} ${r.other}`}>
                    {t("rivalPart", { slot: SLOTS[r.slot] ? t(SLOTS[r.slot]!) : r.slot, kept: r.kept, other: r.other })}
                  </li>
                ))}
                {d.conflicts.map((c) => (
                  <li key={`c ${c.a} ${c.b}`}>
                    {tech(c.a)} ✗ {tech(c.b)}: {c.reason} <SourceRef source={c.source} />
                  </li>
                ))}
                {d.notYetReleased.map((n) => (
                  <li key={`n ${n.id}`}>{t("notYetReleased", { id: n.id, year: n.released })}</li>
                ))}
              </ul>
            </>
          )}
          {d.added.length > 0 && (
            <>
              <h3>{t("addedParts")}</h3>
              <ul>
                {d.added.map((a) => (
                  <li key={`${a.id} ${a.for}`}>
                    {tech(a.id)} ← {a.for} ({a.requirement}) <SourceRef source={a.source} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {d.missing.length > 0 && (
            <>
              <h3>{t("missingParts")}</h3>
              <ul>
                {d.missing.map((m) => (
                  <li key={`${m.from} ${m.requires.join()}`}>
                    {m.from}: {m.requires.join(" | ")} — {m.why} <SourceRef source={m.source} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {(d.inferred.length > 0 || d.undetermined.length > 0) && (
            <>
              <h3>{t("inferred")}</h3>
              <ul>
                {d.inferred.map((i) => (
                  <li key={`i ${i.dimension}`}>
                    {i.dimension} ← {i.label} <SourceRef source={i.source} />
                  </li>
                ))}
                {d.undetermined.map((u) => (
                  <li key={`u ${u.dimension}`}>
                    {u.dimension}: {u.why}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {stack && <CliEquivalent cli={`locate "${stack}"`} api="POST /api/locate" body={{ stack }} />}
    </div>
  );
}
