import { AnswerStatus } from "../components/answer-status.js";
import { CliEquivalent } from "../components/cli-equivalent.js";
import { QueryForm } from "../components/query-form.js";
import { SourceRef } from "../components/source-ref.js";
import { Table } from "../components/table.js";
import type { Answer } from "../lib/api-contract.js";
import { useLang } from "../lib/i18n.js";
import { keyed } from "../lib/keyed.js";
import { roleWord } from "../lib/role-words.js";
import { useLocation } from "../lib/router.js";
import { useApi } from "../lib/use-api.js";

type Figure = NonNullable<Answer<"POST /api/compare">["figures"][number]["a"]>;

const EXAMPLES: readonly [string, string][] = [
  ["gvisor", "runc"],
  ["k3s", "kubernetes"],
  ["wasmedge", "kata-containers"],
];

function FigureCell({ f }: { f: Figure | null | undefined }) {
  if (!f) return <>—</>;
  return (
    <>
      <strong>{f.value}</strong> <SourceRef source={f.source} grade={f.grade} />
      {f.conditions && <div className="hint">{f.conditions}</div>}
    </>
  );
}

export default function ComparePage() {
  const { lang, t } = useLang();
  const { query } = useLocation();
  const a = query.get("a") ?? "";
  const b = query.get("b") ?? "";
  const ready = a !== "" && b !== "";
  const answer = useApi(ready ? "POST /api/compare" : null, lang, { body: { a, b } });
  const d = answer.data;
  return (
    <div className="page compare" data-testid="compare-page">
      <h1>{t("compareTitle")}</h1>
      <QueryForm
        id="compare"
        help={t("compareHelp")}
        fields={[
          { key: "a", label: t("compareA"), placeholder: "gvisor" },
          { key: "b", label: t("compareB"), placeholder: "runc" },
        ]}
        submit={t("compareSubmit")}
        exampleLabel={t("example")}
        examples={EXAMPLES.map(([x, y]) => ({ label: `${x} ↔ ${y}`, values: { a: x, b: y } }))}
      />
      <AnswerStatus answer={answer} />
      {d && (
        <section aria-live="polite" data-testid="compare-result">
          <Table columns={["", d.a.label, d.b.label]}>
            <tr>
              <th scope="row">{t("coordinate")}</th>
              <td className="mono">{d.a.coordinate.text}</td>
              <td className="mono">{d.b.coordinate.text}</td>
            </tr>
          </Table>
          {d.deltas.length > 0 && (
            <>
              <h2>{t("changes")}</h2>
              <ul data-testid="compare-deltas">
                {keyed(d.deltas).map(([i, x]) => (
                  <li key={i}>{x.text}</li>
                ))}
              </ul>
            </>
          )}
          {d.orderings.length > 0 && (
            <>
              <h2>{t("orderings")}</h2>
              <ul data-testid="compare-orderings">
                {keyed(d.orderings).map(([i, o]) => (
                  <li key={i}>{o.sentence}</li>
                ))}
              </ul>
            </>
          )}
          {d.figures.length > 0 && (
            <>
              <h2>{t("figures")}</h2>
              <Table columns={[t("metric"), d.a.label, d.b.label]} testId="compare-figures">
                {keyed(d.figures).map(([i, f]) => (
                  <tr key={i}>
                    <th scope="row">
                      {f.metric} <span className="hint">({roleWord(f.slot, lang)})</span>
                    </th>
                    <td>
                      <FigureCell f={f.a} />
                    </td>
                    <td>
                      <FigureCell f={f.b} />
                    </td>
                  </tr>
                ))}
              </Table>
            </>
          )}
        </section>
      )}
      {ready && <CliEquivalent cli={`compare "${a}" "${b}"`} api="POST /api/compare" body={{ a, b }} />}
    </div>
  );
}
