/** @module web/pages/locate-page — a stack in → its coordinate, what it needs, and its conflicts (POST /api/locate). */
import { AnswerStatus } from "../components/answer-status.js";
import { CliEquivalent } from "../components/cli-equivalent.js";
import { Link } from "../components/link.js";
import { QueryForm } from "../components/query-form.js";
import { SourceRef } from "../components/source-ref.js";
import { type MessageKey, useLang } from "../lib/i18n.js";
import { useLocation } from "../lib/router.js";
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
  const body = { stack };
  const answer = useApi(stack ? "POST /api/locate" : null, lang, { body });
  const d = answer.data;
  return (
    <div className="page locate" data-testid="locate-page">
      <h1>{t("locateTitle")}</h1>
      <QueryForm
        id="locate"
        help={t("locateHelp")}
        fields={[{ key: "stack", label: t("stackInput"), placeholder: EXAMPLES[0] }]}
        submit={t("locateSubmit")}
        exampleLabel={t("example")}
        examples={EXAMPLES.map((x) => ({ label: x, values: { stack: x } }))}
      />
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
