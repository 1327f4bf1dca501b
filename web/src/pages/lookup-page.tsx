/** @module web/pages/lookup-page — the seed's get_technology: stacks at a coordinate (exact, partial or nearest), with what records them. */
import { useEffect, useState } from "react";
import { AnswerStatus } from "../components/answer-status.js";
import { Link } from "../components/link.js";
import { QueryForm } from "../components/query-form.js";
import { SourceRef } from "../components/source-ref.js";
import { Table } from "../components/table.js";
import { useLang } from "../lib/i18n.js";
import { useLocation } from "../lib/router.js";
import { IS_STATIC, staticManifest } from "../lib/site.js";
import { useApi } from "../lib/use-api.js";

const CASE_1 = { en: "the seed's case 1 (edge, 2025)", zh: "种子的案例 1（边缘计算，2025）" } as const;

export default function LookupPage() {
  const { lang, t } = useLang();
  const { query } = useLocation();
  const coordinate = query.get("coordinate") ?? "";
  const answer = useApi(coordinate ? "GET /api/lookup" : null, lang, { query: { coordinate } });
  // A static build answers the recorded stacks' coordinates: offer them.
  const [recorded, setRecorded] = useState<readonly string[]>([]);
  useEffect(() => {
    if (IS_STATIC) void staticManifest().then((m) => setRecorded(m.coordinates));
  }, []);
  const a = answer.data;
  return (
    <div className="page lookup" data-testid="lookup-page">
      <h1>{t("lookupTitle")}</h1>
      <QueryForm
        id="lookup"
        help={t("lookupHelp")}
        fields={[
          {
            key: "coordinate",
            label: t("coordinate"),
            placeholder: "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)",
            list: IS_STATIC ? "recorded-coordinates" : undefined,
          },
        ]}
        submit={t("lookupGo")}
        exampleLabel={t("example")}
        examples={[
          { label: CASE_1[lang], values: { coordinate: "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)" } },
          { label: "D=4 X=2 S=edge", values: { coordinate: "D=4 X=2 S=edge" } },
        ]}
      />
      <AnswerStatus answer={answer} />
      {a && (
        <section data-testid="lookup-result">
          <h2>
            {a.exact
              ? t("lookupExact", { query: a.query.text })
              : t("lookupNearest", { query: a.query.text, n: a.matches.length })}
          </h2>
          <Table
            columns={["#", t("lookupStack"), t("coordinate"), t("lookupDistance"), t("lookupWhy"), t("lookupRecords")]}
          >
            {a.matches.map((m, i) => (
              <tr key={`${m.stack.label} ${m.coordinate.text}`}>
                <td>{i + 1}</td>
                <td>{m.stack.label}</td>
                <td>
                  <code>{m.coordinate.text}</code>
                </td>
                <td>{m.distance.total.toFixed(2)}</td>
                <td>{m.why}</td>
                <td>
                  {m.records.map((r) => (
                    <span key={r.id} className="record">
                      <SourceRef source={r.source} grade={r.grade} citation={{ title: r.sourceTitle }} />{" "}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </Table>
        </section>
      )}
      {recorded.length > 0 && (
        <section>
          <h2>{t("lookupRecorded")}</h2>
          <datalist id="recorded-coordinates">
            {recorded.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <ul className="recorded-coordinates">
            {recorded.map((c) => (
              <li key={c}>
                <Link to={`/lookup?coordinate=${encodeURIComponent(c)}`}>
                  <code>{c}</code>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
