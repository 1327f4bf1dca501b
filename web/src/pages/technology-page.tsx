/** @module web/pages/technology-page — everything known about one technology: coordinate, facts with sources and grades, traits, relations, versions, claims, its timeline. */
import { useMemo } from "react";
import { ErrorBox } from "../components/error-box.js";
import { Link } from "../components/link.js";
import { List } from "../components/list.js";
import { Loading } from "../components/loading.js";
import { SourceRef } from "../components/source-ref.js";
import { Table } from "../components/table.js";
import type { Answer } from "../lib/api-contract.js";
import { dimensionLabel, levelLabel, readDimensions } from "../lib/dimensions.js";
import { useLang } from "../lib/i18n.js";
import { keyed } from "../lib/keyed.js";
import { roleWord } from "../lib/role-words.js";
import { textIn } from "../lib/text-in.js";
import { useApi } from "../lib/use-api.js";
import { eventKindWord, linkWord, relationWord, scopeWord } from "../lib/vocabulary.js";

type Fact = NonNullable<Answer<"GET /api/technologies/{id}">["facts"]>[number];

function factValue(f: Fact): string {
  if (f.value !== undefined) return `${f.value} ${f.unit}`;
  if (f.min !== undefined && f.max !== undefined) return `${f.min}–${f.max} ${f.unit}`;
  if (f.max !== undefined) return `≤ ${f.max} ${f.unit}`;
  if (f.min !== undefined) return `≥ ${f.min} ${f.unit}`;
  return f.unit;
}

function show(v: unknown): string {
  if (typeof v === "boolean") return v ? "✓ true" : "✗ false";
  if (Array.isArray(v)) return v.join(", ");
  if (v && typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** A cell of text with its note below. */
function NotedCell({ text, note }: { text: string | undefined; note: string | undefined }) {
  return (
    <td>
      {text}
      {note && <div className="hint">{note}</div>}
    </td>
  );
}

export default function TechnologyPage({ id }: { id: string }) {
  const { lang, t } = useLang();
  const detail = useApi("GET /api/technologies/{id}", lang, { path: { id } });
  const dimsAnswer = useApi("GET /api/dimensions", lang);
  const timeline = useApi("GET /api/timeline", lang);
  const dims = useMemo(() => (dimsAnswer.data ? readDimensions(dimsAnswer.data) : []), [dimsAnswer.data]);
  const d = detail.data;
  const summary = textIn(d?.summary, lang);

  const events = useMemo(() => {
    if (!timeline.data) return [];
    return [...timeline.data.milestones, ...timeline.data.events]
      .filter((e) => e.subject === id)
      .sort((a, b) => a.year - b.year || (a.date ?? "").localeCompare(b.date ?? ""));
  }, [timeline.data, id]);

  if (detail.error)
    return (
      <div className="page">
        <p>
          <Link to="/atlas">← {t("back")}</Link>
        </p>
        <ErrorBox
          error={detail.error}
          onRetry={detail.reload}
          suggestionTo={(s) => `/technology/${encodeURIComponent(s)}`}
        />
      </div>
    );
  if (!d) return <Loading />;
  const name = lang === "zh" ? d.names.zh : d.names.en;
  const out = (d.relations ?? []).filter((r) => r.direction === "out");
  const inn = (d.relations ?? []).filter((r) => r.direction === "in");

  return (
    <article className="page technology" data-testid="technology-page">
      <p>
        <Link to={`/atlas?node=${encodeURIComponent(id)}`}>← {t("back")}</Link>
      </p>
      <header>
        <h1>{name}</h1>
        {name !== d.name && <p className="subtitle">{d.name}</p>}
        <p className="meta">
          <span className="chip">{roleWord(d.role, lang)}</span>
          {d.released !== undefined && (
            <span className="chip">
              {t("released")} {d.released}
            </span>
          )}
          {d.cncf && <span className="chip">CNCF {d.cncf}</span>}
        </p>
      </header>

      <section aria-labelledby="tech-coord">
        <h2 id="tech-coord">{t("coordinate")}</h2>
        <dl className="coord-grid">
          {Object.entries(d.coordinate).map(([k, v]) => (
            <div key={k}>
              <dt>
                {dimensionLabel(
                  dims.find((x) => x.key === k),
                  k,
                  lang,
                )}
              </dt>
              <dd>
                {Array.isArray(v)
                  ? v
                      .map((c: string) =>
                        levelLabel(
                          dims.find((x) => x.key === k),
                          c,
                          lang,
                        ),
                      )
                      .join(", ")
                  : String(v)}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      {summary && (
        <section aria-labelledby="tech-summary">
          <h2 id="tech-summary">{t("summary")}</h2>
          <p>{summary}</p>
          {d.releasedSource && (
            <p className="hint">
              {t("released")} {d.released}:{" "}
              <SourceRef source={d.releasedSource.id} grade={d.releasedSource.grade} citation={d.releasedSource} />
            </p>
          )}
          {d.aliases && d.aliases.length > 0 && (
            <p className="hint">
              {t("aliases")}: {d.aliases.join(", ")}
            </p>
          )}
          {d.links && (
            <p className="links">
              {Object.entries(d.links).map(([k, url]) => (
                <a key={k} href={url} rel="noreferrer noopener" target="_blank">
                  {linkWord(k, lang)}
                </a>
              ))}
            </p>
          )}
        </section>
      )}

      {d.facts && d.facts.length > 0 && (
        <section aria-labelledby="tech-facts">
          <h2 id="tech-facts">
            {t("facts")} ({d.facts.length})
          </h2>
          <Table columns={[t("metric"), t("value"), t("conditions"), t("source")]}>
            {keyed(d.facts).map(([i, f]) => (
              <tr key={i}>
                <th scope="row">
                  {f.metric}
                  {f.scope ? <span className="hint"> ({scopeWord(f.scope, lang)})</span> : null}
                </th>
                <td className="num">
                  {factValue(f)}
                  {f.vendorClaim && <span className="tag">{t("vendorClaim")}</span>}
                </td>
                <NotedCell text={textIn(f.conditions, lang)} note={textIn(f.note, lang)} />
                <td>
                  <SourceRef source={f.source} grade={f.grade} citation={f.citation} />
                </td>
              </tr>
            ))}
          </Table>
        </section>
      )}

      {d.traits && d.traits.length > 0 && (
        <section aria-labelledby="tech-traits">
          <h2 id="tech-traits">{t("traits")}</h2>
          <Table columns={[t("trait"), t("value"), t("via"), t("source")]}>
            {keyed(d.traits).map(([i, tr]) => (
              <tr key={i}>
                <th scope="row">{tr.trait}</th>
                <td>{show(tr.value)}</td>
                <NotedCell text={tr.via} note={textIn(tr.note, lang)} />
                <td>
                  <SourceRef source={tr.source} grade={tr.grade} citation={tr.citation} />
                </td>
              </tr>
            ))}
          </Table>
        </section>
      )}

      {(out.length > 0 || inn.length > 0) && (
        <section aria-labelledby="tech-relations">
          <h2 id="tech-relations">{t("relations")}</h2>
          <List items={[...out, ...inn]} className="relations">
            {(r) => {
              const others = r.other.map((o, k) => (
                <span key={o}>
                  {k > 0 && (r.anyOf ? " | " : ", ")}
                  <Link to={`/technology/${encodeURIComponent(o)}`}>{o}</Link>
                </span>
              ));
              return (
                <>
                  {r.direction === "out" ? (
                    <>
                      {name} <span className="rel">{relationWord(r.type, lang)} →</span> {others}
                    </>
                  ) : (
                    <>
                      {others} <span className="rel">{relationWord(r.type, lang)} →</span> {name}
                    </>
                  )}
                  {r.anyOf && <span className="hint"> ({t("anyOf")})</span>}
                  {r.when && <span className="hint"> — {r.when}</span>}
                  {r.reason !== undefined && <span className="hint"> — {textIn(r.reason, lang)}</span>}
                  {r.citation && (
                    <>
                      {" "}
                      <SourceRef source={r.citation.id} citation={r.citation} />
                    </>
                  )}
                </>
              );
            }}
          </List>
        </section>
      )}

      {d.versions && d.versions.length > 0 && (
        <section aria-labelledby="tech-versions">
          <h2 id="tech-versions">{t("versions")}</h2>
          <List items={d.versions}>
            {(v) => (
              <>
                <strong>{v.version}</strong>
                {v.released !== undefined && ` (${v.released})`}
                {v.note && ` — ${textIn(v.note, lang)}`}
                {v.source && (
                  <>
                    {" "}
                    <SourceRef source={v.source} />
                  </>
                )}
              </>
            )}
          </List>
        </section>
      )}

      <section aria-labelledby="tech-timeline">
        <h2 id="tech-timeline">{t("timeline")}</h2>
        {timeline.error && <ErrorBox error={timeline.error} />}
        {d.cncfDates && (
          <p className="hint">
            CNCF:{" "}
            {Object.entries(d.cncfDates)
              .filter(([k]) => k !== "landscapeName")
              .map(([k, v]) => `${k} ${v}`)
              .join(" · ")}
          </p>
        )}
        {events.length > 0 ? (
          <List items={events} ordered className="timeline-list">
            {(e) => (
              <>
                <time>{e.date ?? e.year}</time> <span className="tag">{eventKindWord(e.kind, lang)}</span> {e.text}{" "}
                <SourceRef source={e.source} />
              </>
            )}
          </List>
        ) : (
          timeline.loading && <Loading />
        )}
      </section>

      {d.claims && d.claims.length > 0 && (
        <section aria-labelledby="tech-claims">
          <h2 id="tech-claims">{t("claims")}</h2>
          {d.claims.map((c) => (
            <details key={c.id}>
              <summary>
                {c.topic} — {textIn(c.statement, lang)}
              </summary>
              <List items={c.positions}>
                {(p) => (
                  <>
                    “{textIn(p.says, lang)}” <SourceRef source={p.source} grade={p.grade} />
                    {p.where && <span className="hint"> {p.where}</span>}
                  </>
                )}
              </List>
              {c.resolution && (
                <p>
                  <strong>{t("resolution")}:</strong> {textIn(c.resolution.choice, lang)}{" "}
                  <span className="hint">{textIn(c.resolution.reason, lang)}</span>
                </p>
              )}
            </details>
          ))}
        </section>
      )}
    </article>
  );
}
